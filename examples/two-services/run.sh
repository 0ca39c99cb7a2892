#!/usr/bin/env bash
# A two-service app behind Gantry's router, rolled to a new version under load.
#
#   ./gantry server &                      # or ./gantry up in another terminal
#   export AWS_ACCESS_KEY_ID=... AWS_SECRET_ACCESS_KEY=... AWS_DEFAULT_REGION=us-east-1   (as Gantry printed them)
#   examples/two-services/run.sh
#
# Builds three tiny images locally (busybox httpd, no registry), creates an internal ALB with a listener on
# $PORT: /api/* goes to the "api" service, everything else to the "web" service (two tasks each), waits until
# both services are stable, then rolls "web" to v2 with `gantry deploy` while a load loop hits the listener, and
# prints how many requests failed (expect 0) and which versions answered. Re-running it starts from scratch.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
ENDPOINT="${GANTRY_ENDPOINT:-http://127.0.0.1:4499}"
PORT="${PORT:-8088}"
AWS_BIN="${AWS_BIN:-/usr/bin/aws}" # the AWS CLI v2 (a pyenv v1 earlier on PATH lacks the waiters' behaviour)
aws() { "$AWS_BIN" --endpoint-url "$ENDPOINT" --output text "$@"; }
BUSYBOX="${GANTRY_BUSYBOX:-/bin/busybox}"

image() { # image TAG TEXT [PATH]
  local ctx; ctx="$(mktemp -d)"
  cp "$BUSYBOX" "$ctx/busybox"
  mkdir -p "$ctx/www${3:-}"
  echo "$2" > "$ctx/www${3:-}/index.html"
  printf 'FROM scratch\nCOPY busybox /bin/busybox\nCOPY www /www\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\n' > "$ctx/Dockerfile"
  DOCKER_BUILDKIT=0 docker build -q -t "$1" "$ctx" > /dev/null 2>&1 || docker build -t "$1" "$ctx" # shows the error if the quiet build failed
  rm -rf "$ctx"
}

taskdef() { # taskdef FAMILY IMAGE -> ARN
  aws ecs register-task-definition --family "$1" --network-mode awsvpc --requires-compatibilities FARGATE \
    --cpu 256 --memory 512 --query taskDefinition.taskDefinitionArn --container-definitions \
    "[{\"name\":\"$1\",\"image\":\"$2\",\"essential\":true,\"stopTimeout\":2,
       \"command\":[\"httpd\",\"-f\",\"-p\",\"8080\",\"-h\",\"/www\"],
       \"portMappings\":[{\"containerPort\":8080}]}]"
}

echo "== images"
image demo/web:v1 "web v1"
image demo/web:v2 "web v2"
image demo/api:v1 "api v1" /api

echo "== clean up a previous run"
for s in web api; do aws ecs delete-service --cluster demo --service "$s" --force > /dev/null 2>&1 || true; done
for s in web api; do aws ecs wait services-inactive --cluster demo --services "$s" 2> /dev/null || true; done
old_lb="$(aws elbv2 describe-load-balancers --names demo --query 'LoadBalancers[0].LoadBalancerArn' 2> /dev/null || true)"
[ -n "$old_lb" ] && [ "$old_lb" != None ] && aws elbv2 delete-load-balancer --load-balancer-arn "$old_lb"
for tg in web api; do
  arn="$(aws elbv2 describe-target-groups --names "demo-$tg" --query 'TargetGroups[0].TargetGroupArn' 2> /dev/null || true)"
  [ -n "$arn" ] && [ "$arn" != None ] && aws elbv2 delete-target-group --target-group-arn "$arn"
done

echo "== cluster, task definitions, load balancer"
aws ecs create-cluster --cluster-name demo > /dev/null
WEB_V1="$(taskdef web demo/web:v1)"
API_V1="$(taskdef api demo/api:v1)"
LB="$(aws elbv2 create-load-balancer --name demo --type application --scheme internal \
  --subnets subnet-a subnet-b --query 'LoadBalancers[0].LoadBalancerArn')"
tg() { aws elbv2 create-target-group --name "demo-$1" --protocol HTTP --port 8080 --vpc-id vpc-demo \
  --target-type ip --health-check-path "$2" --health-check-interval-seconds 5 --health-check-timeout-seconds 2 \
  --healthy-threshold-count 2 \
  --query 'TargetGroups[0].TargetGroupArn'; }
WEB_TG="$(tg web /index.html)"
API_TG="$(tg api /api/index.html)"
for t in "$WEB_TG" "$API_TG"; do
  aws elbv2 modify-target-group-attributes --target-group-arn "$t" \
    --attributes Key=deregistration_delay.timeout_seconds,Value=5 > /dev/null
done
LISTENER="$(aws elbv2 create-listener --load-balancer-arn "$LB" --protocol HTTP --port "$PORT" \
  --default-actions "Type=forward,TargetGroupArn=$WEB_TG" --query 'Listeners[0].ListenerArn')"
aws elbv2 create-rule --listener-arn "$LISTENER" --priority 10 \
  --conditions 'Field=path-pattern,Values=/api/*' --actions "Type=forward,TargetGroupArn=$API_TG" > /dev/null

echo "== services (2 tasks each, behind the listener on 127.0.0.1:$PORT)"
service() { aws ecs create-service --cluster demo --service-name "$1" --task-definition "$2" --desired-count 2 \
  --launch-type FARGATE --network-configuration 'awsvpcConfiguration={subnets=[subnet-gantry]}' \
  --load-balancers "targetGroupArn=$3,containerName=$1,containerPort=8080" \
  --deployment-configuration 'minimumHealthyPercent=100,maximumPercent=200,deploymentCircuitBreaker={enable=true,rollback=true}' \
  > /dev/null; }
service web "$WEB_V1" "$WEB_TG"
service api "$API_V1" "$API_TG"
aws ecs wait services-stable --cluster demo --services web api
until [ "$(aws elbv2 describe-target-health --target-group-arn "$WEB_TG" \
  --query 'length(TargetHealthDescriptions[?TargetHealth.State==`healthy`])')" = 2 ]; do sleep 1; done
echo "GET /      -> $(curl -fsS "http://127.0.0.1:$PORT/")"
echo "GET /api/  -> $(curl -fsS "http://127.0.0.1:$PORT/api/")"

echo "== rolling web to v2 under load"
LOG="$(mktemp)"
( end=$((SECONDS + 300)); while [ -f "$LOG" ] && [ $SECONDS -lt $end ]; do
    curl -s -o /dev/null -w '%{http_code}\n' --max-time 5 "http://127.0.0.1:$PORT/" >> "$LOG.codes" || echo 000 >> "$LOG.codes"
  done ) &
LOAD=$!
"$ROOT/gantry" deploy web --cluster demo --image demo/web:v2 --timeout 5m
rm -f "$LOG"; wait "$LOAD" || true
total="$(wc -l < "$LOG.codes")"; failed="$(grep -vc '^200$' "$LOG.codes" || true)"; rm -f "$LOG.codes"
echo "requests during the rollout: $total, failed: $failed"
echo "GET /      -> $(curl -fsS "http://127.0.0.1:$PORT/")"
"$ROOT/gantry" lb demo
