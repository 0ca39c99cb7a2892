# Elbv2TerraformIT: the aws_lb resources of the AWS provider against Gantry (apply, a plan with no changes, destroy).
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
    elbv2 = var.endpoint
    sts   = var.endpoint
  }
}
resource "aws_lb" "web" {
  name               = "tfit-web"
  internal           = true
  load_balancer_type = "application"
  subnets            = ["subnet-1", "subnet-2"]
  tags               = { app = "web" }
}
resource "aws_lb_target_group" "blue" {
  name        = "tfit-blue"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = "vpc-1"
  deregistration_delay = 5
  health_check {
    path     = "/health"
    interval = 5
    timeout  = 2
    matcher  = "200-299"
  }
}
resource "aws_lb_target_group" "green" {
  name        = "tfit-green"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = "vpc-1"
}
resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.web.arn
  port              = 48180
  protocol          = "HTTP"
  default_action {
    type = "forward"
    forward {
      target_group { 
        arn = aws_lb_target_group.blue.arn
        weight = 90
      }
      target_group { 
        arn = aws_lb_target_group.green.arn
        weight = 10
      }
    }
  }
}
resource "aws_lb_listener_rule" "api" {
  listener_arn = aws_lb_listener.http.arn
  priority     = 10
  condition {
    path_pattern { values = ["/api/*"] }
  }
  action {
    type = "fixed-response"
    fixed_response {
      content_type = "text/plain"
      message_body = "down"
      status_code  = "503"
    }
  }
}
resource "aws_lb_target_group_attachment" "one" {
  target_group_arn = aws_lb_target_group.blue.arn
  target_id        = "10.0.9.1"
}
resource "aws_lb" "db" {
  name               = "tfit-db"
  internal           = true
  load_balancer_type = "network"
  subnets            = ["subnet-1"]
}
resource "aws_lb_target_group" "pg" {
  name        = "tfit-pg"
  port        = 5432
  protocol    = "TCP"
  target_type = "ip"
  vpc_id      = "vpc-1"
}
resource "aws_lb_listener" "pg" {
  load_balancer_arn = aws_lb.db.arn
  port              = 45532
  protocol          = "TCP"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.pg.arn
  }
}
