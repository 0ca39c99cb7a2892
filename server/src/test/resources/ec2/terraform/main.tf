# Ec2TerraformIT: aws_vpc, aws_security_group and the aws_vpc_security_group_*_rule resources against Gantry.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}
variable "endpoint" { type = string }
variable "access_key" { type = string }
variable "secret_key" { type = string }
provider "aws" {
  region                      = "us-east-1"
  access_key                  = var.access_key
  secret_key                  = var.secret_key
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
  endpoints {
    ec2 = var.endpoint
    sts = var.endpoint
  }
}
resource "aws_vpc" "main" {
  cidr_block = "10.44.0.0/16"
  tags       = { Name = "tfit" }
}
resource "aws_security_group" "front" {
  name        = "tfit-front"
  description = "front"
  vpc_id      = aws_vpc.main.id
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
resource "aws_security_group" "back" {
  name        = "tfit-back"
  description = "back"
  vpc_id      = aws_vpc.main.id
  tags        = { tier = "back" }
}
resource "aws_vpc_security_group_ingress_rule" "front_to_back" {
  security_group_id            = aws_security_group.back.id
  referenced_security_group_id = aws_security_group.front.id
  ip_protocol                  = "tcp"
  from_port                    = 8080
  to_port                      = 8080
}
resource "aws_vpc_security_group_egress_rule" "back_out" {
  security_group_id = aws_security_group.back.id
  cidr_ipv4         = "10.44.0.0/16"
  ip_protocol       = "-1"
}
resource "aws_subnet" "back" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.44.1.0/24"
  availability_zone = "us-east-1b"
  tags              = { "gantry:private" = "true" }
}
