#!/usr/bin/env bash
# A two-service app behind Gantry's router, rolled to a new version under load.
#
#   ./gantry server &                      # or ./gantry up in another terminal
#   export AWS_ACCESS_KEY_ID=... AWS_SECRET_ACCESS_KEY=... AWS_DEFAULT_REGION=us-east-1   (as Gantry printed them)
#   examples/two-services/run.sh
#
# Builds four tiny images locally (busybox httpd, no registry), creates an internal ALB with a listener on
# $PORT: /api/* goes to the "api" service, everything else to the "web" service (two tasks each), waits until
# both services are stable, then rolls "web" to v2 with `gantry deploy` while a load loop hits the listener, and
# prints how many requests failed (expect 0) and which versions answered.
# Then a private "backend" service: security groups made with EC2's API (demo-web admits the router,
# demo-backend admits only demo-web on 8080), a Cloud Map private DNS namespace demo.local with a service
# "backend" the ECS service registers its tasks in; web's /cgi-bin/backend fetches http://backend.demo.local:8080/
# and is called through the router; a one-off task in the web group reaches the backend, one in the default group
# does not (its wget times out). Re-running it starts from scratch.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
ENDPOINT="${GANTRY_ENDPOINT:-http://127.0.0.1:4499}"
PORT="${PORT:-8088}"
AWS_BIN="${AWS_BIN:-/usr/bin/aws}" # the AWS CLI v2 (a pyenv v1 earlier on PATH lacks the waiters' behaviour)
aws() { "$AWS_BIN" --endpoint-url "$ENDPOINT" --output text "$@"; }
BUSYBOX="${GANTRY_BUSYBOX:-/bin/busybox}"

image() { # image TAG TEXT [PATH] [CGI]: with CGI, /cgi-bin/backend answers what http://backend.demo.local:8080/ does
  local ctx; ctx="$(mktemp -d)"
  cp "$BUSYBOX" "$ctx/busybox"
  mkdir -p "$ctx/www${3:-}"
  echo "$2" > "$ctx/www${3:-}/index.html"
  if [ -n "${4:-}" ]; then
    mkdir -p "$ctx/www/cgi-bin"
    printf '%s\n' '#!/bin/sh' 'printf "Content-Type: text/plain\r\n\r\n"' \
      'echo "$(cat /www/index.html) -> $(timeout 5 wget -qO- http://backend.demo.local:8080/ 2>&1 || echo backend unreachable)"' \
      > "$ctx/www/cgi-bin/backend"
    chmod +x "$ctx/www/cgi-bin/backend"
  fi
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
image demo/web:v1 "web v1" "" cgi
image demo/web:v2 "web v2" "" cgi
image demo/api:v1 "api v1" /api
image demo/backend:v1 "backend v1"

retry() { # retry COMMAND...: for up to a minute, while it fails (a group or a Cloud Map service still in use)
  local i; for i in $(seq 60); do "$@" > /dev/null 2>&1 && return 0; sleep 1; done; "$@" > /dev/null
}
wait_op() { # wait_op OPERATION_ID: Cloud Map operations are asynchronous
  local st; until st="$(aws servicediscovery get-operation --operation-id "$1" --query Operation.Status)" && [ "$st" = SUCCESS ]; do
    [ "$st" = FAIL ] && { echo "operation $1 failed" >&2; return 1; }; sleep 0.2; done
}
group_id() { aws ec2 describe-security-groups --filters "Name=group-name,Values=$1" --query 'SecurityGroups[0].GroupId'; }

echo "== clean up a previous run"
for s in web api backend; do aws ecs delete-service --cluster demo --service "$s" --force > /dev/null 2>&1 || true; done
for s in web api backend; do aws ecs wait services-inactive --cluster demo --services "$s" 2> /dev/null || true; done
old_ns="$(aws servicediscovery list-namespaces --filters Name=NAME,Values=demo.local,Condition=EQ --query 'Namespaces[0].Id')"
if [ -n "$old_ns" ] && [ "$old_ns" != None ]; then
  for id in $(aws servicediscovery list-services --filters "Name=NAMESPACE_ID,Values=$old_ns,Condition=EQ" --query 'Services[].Id'); do
    retry aws servicediscovery delete-service --id "$id" # its instances go as the backend's tasks stop
  done
  wait_op "$(aws servicediscovery delete-namespace --id "$old_ns" --query OperationId)"
fi
for g in demo-backend demo-web; do # the backend's group first: its rule names the web group
  id="$(group_id "$g")"; [ -n "$id" ] && [ "$id" != None ] && retry aws ec2 delete-security-group --group-id "$id"
done
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

echo "== security groups: demo-web admits the router (sg-gantry-host) on 8080, demo-backend only demo-web"
WEB_SG="$(aws ec2 create-security-group --group-name demo-web --description "web tasks" --vpc-id vpc-gantry --query GroupId)"
BACKEND_SG="$(aws ec2 create-security-group --group-name demo-backend --description "backend tasks" \
  --vpc-id vpc-gantry --query GroupId)"
aws ec2 authorize-security-group-ingress --group-id "$WEB_SG" --ip-permissions \
  'IpProtocol=tcp,FromPort=8080,ToPort=8080,UserIdGroupPairs=[{GroupId=sg-gantry-host,Description=the router}]' > /dev/null
aws ec2 authorize-security-group-ingress --group-id "$BACKEND_SG" --ip-permissions \
  "IpProtocol=tcp,FromPort=8080,ToPort=8080,UserIdGroupPairs=[{GroupId=$WEB_SG,Description=web tasks}]" > /dev/null
echo "$WEB_SG demo-web, $BACKEND_SG demo-backend"

echo "== Cloud Map: private DNS namespace demo.local, service backend"
op="$(aws servicediscovery create-private-dns-namespace --name demo.local --vpc vpc-gantry --query OperationId)"
wait_op "$op"
NS="$(aws servicediscovery get-operation --operation-id "$op" --query Operation.Targets.NAMESPACE)"
REGISTRY="$(aws servicediscovery create-service --name backend --namespace-id "$NS" \
  --dns-config 'DnsRecords=[{Type=A,TTL=10}]' --health-check-custom-config FailureThreshold=1 --query Service.Arn)"
echo "$NS demo.local, $REGISTRY"

echo "== services (2 tasks each, behind the listener on 127.0.0.1:$PORT)"
service() { aws ecs create-service --cluster demo --service-name "$1" --task-definition "$2" --desired-count 2 \
  --launch-type FARGATE --network-configuration "awsvpcConfiguration={subnets=[subnet-gantry],securityGroups=[$4]}" \
  --load-balancers "targetGroupArn=$3,containerName=$1,containerPort=8080" \
  --deployment-configuration 'minimumHealthyPercent=100,maximumPercent=200,deploymentCircuitBreaker={enable=true,rollback=true}' \
  > /dev/null; }
service web "$WEB_V1" "$WEB_TG" "$WEB_SG"
service api "$API_V1" "$API_TG" sg-gantry
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

echo "== a private backend, found by name (backend.demo.local), reachable only from demo-web"
aws ecs create-service --cluster demo --service-name backend --task-definition "$(taskdef backend demo/backend:v1)" \
  --desired-count 1 --launch-type FARGATE \
  --network-configuration "awsvpcConfiguration={subnets=[subnet-gantry],securityGroups=[$BACKEND_SG]}" \
  --service-registries "registryArn=$REGISTRY" > /dev/null
aws ecs wait services-stable --cluster demo --services backend
until [ "$(aws servicediscovery list-instances --service-id "${REGISTRY##*/}" --query 'length(Instances)')" = 1 ]; do sleep 1; done
echo "backend.demo.local -> $(aws servicediscovery list-instances --service-id "${REGISTRY##*/}" \
  --query 'Instances[0].Attributes.AWS_INSTANCE_IPV4')"
for i in $(seq 20); do # Gantry's DNS answers a registration within a few seconds (docs/compat/dns.md)
  answer="$(curl -fsS "http://127.0.0.1:$PORT/cgi-bin/backend")"; case "$answer" in *unreachable*) sleep 1 ;; *) break ;; esac
done
echo "GET /cgi-bin/backend -> $answer"
PROBE="$(aws ecs register-task-definition --family probe --network-mode awsvpc --requires-compatibilities FARGATE \
  --cpu 256 --memory 512 --query taskDefinition.taskDefinitionArn --container-definitions \
  '[{"name":"probe","image":"demo/web:v1","essential":true,
     "command":["sh","-c","timeout 5 wget -qO- http://backend.demo.local:8080/ || { echo \"no answer within 5 s (exit $?)\"; exit 1; }"],
     "logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"/demo/probe",
       "awslogs-create-group":"true","awslogs-region":"us-east-1","awslogs-stream-prefix":"probe"}}}]')"
probe() { # probe GROUP: a one-off task in GROUP fetches the backend; its exit code and log say whether it could
  local task said i
  task="$(aws ecs run-task --cluster demo --task-definition "$PROBE" --launch-type FARGATE \
    --network-configuration "awsvpcConfiguration={subnets=[subnet-gantry],securityGroups=[$1]}" --query 'tasks[0].taskArn')"
  aws ecs wait tasks-stopped --cluster demo --tasks "$task"
  for i in 1 2 3 4 5; do # its last words: the backend's answer, or the probe's own message
    said="$(aws logs get-log-events --log-group-name /demo/probe --log-stream-name "probe/probe/${task##*/}" \
      --query 'events[].message' 2> /dev/null | tr '\t' '\n' | grep -E 'backend|no answer' | tail -n 1 || true)"
    [ -n "$said" ] && break; sleep 1
  done
  echo "exit $(aws ecs describe-tasks --cluster demo --tasks "$task" --query 'tasks[0].containers[0].exitCode'): $said"
}
echo "one-off task in demo-web  -> $(probe "$WEB_SG")"
echo "one-off task in sg-gantry -> $(probe sg-gantry)"
