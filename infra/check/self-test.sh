#!/usr/bin/env bash
# Proves that each check of .ci/infra-check can fail: for every case, a copy of infra/ with one defect, which
# `.ci/infra-check --dir <copy>` must reject with the expected message. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

# case <name> <file under infra/> <text to replace> <replacement> <expected message>
case_() {
  local name=$1 file=$2 old=$3 new=$4 expected=$5 copy="$work/$RANDOM$RANDOM"
  cp -r infra "$copy"
  if ! OLD=$old NEW=$new python3 - "$copy/$file" <<'EOF'; then
import os, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
if os.environ["OLD"] not in text:
    sys.exit(f"self-test: {os.environ['OLD']!r} is not in {path}")
open(path, "w", encoding="utf-8").write(text.replace(os.environ["OLD"], os.environ["NEW"], 1))
EOF
    echo "FAIL $name: the defect could not be made (infra/ changed? update infra/check/self-test.sh)"
    failed=$((failed + 1))
    return
  fi
  local output status
  local only=k8s # the checks that read the broken file
  case "$file" in
    Dockerfile*) only=docker ;;
    compose.yaml) only=compose ;;
    nginx/*) only=compose,nginx,k8s ;;
  esac
  output=$(.ci/infra-check --dir "$copy" --only "$only" --no-self-test 2>&1)
  status=$?
  if [ "$status" -ne 0 ] && grep -qF -- "$expected" <<<"$output"; then
    echo "ok   $name"
    passed=$((passed + 1))
  else
    echo "FAIL $name: exit $status, expected a failure saying: $expected"
    sed 's/^/       /' <<<"$output" | tail -15
    failed=$((failed + 1))
  fi
  rm -rf "$copy"
}

# Dockerfile
case_ 'Dockerfile: final stage as root' Dockerfile 'USER 1000:1000' 'USER root' 'runs as root'
case_ 'Dockerfile: no USER' Dockerfile 'USER 1000:1000' '' 'has no USER'
case_ 'Dockerfile: no HEALTHCHECK' Dockerfile 'HEALTHCHECK --interval' '# HEALTHCHECK --interval' 'has no HEALTHCHECK'
case_ 'Dockerfile: floating base image' Dockerfile 'FROM node:20.20.2-bookworm-slim AS runtime' 'FROM node:20-bookworm-slim AS runtime' 'is not pinned'
case_ 'Dockerfile: base image without a tag' Dockerfile 'FROM node:20.20.2-bookworm-slim AS deps' 'FROM node AS deps' 'no tag'
case_ 'Dockerfile: unknown instruction' Dockerfile 'WORKDIR /app' 'WORKDIRR /app' 'unknown instruction'
case_ 'Dockerfile: build check FromAsCasing' Dockerfile 'AS production-deps' 'as production-deps' 'FromAsCasing'
case_ 'Dockerfile: NODE_ENV not production' Dockerfile 'ENV NODE_ENV=production' 'ENV NODE_ENV=development' 'NODE_ENV=production'
case_ 'Dockerfile: .dockerignore lets node_modules in' Dockerfile.dockerignore '**/node_modules' '' 'does not ignore **/node_modules'
# compose
case_ 'compose: schema, unknown condition' compose.yaml 'condition: service_completed_successfully' 'condition: service_finished' 'compose.yaml'
case_ 'compose: schema, misspelt key' compose.yaml '  nginx:
    image: nginx:1.28.0-bookworm
    restart: unless-stopped' '  nginx:
    image: nginx:1.28.0-bookworm
    restarts: unless-stopped' 'restarts'
case_ 'compose: literal password' compose.yaml 'POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}' 'POSTGRES_PASSWORD: hunter2' 'a secret must come from the environment'
case_ 'compose: password in a URL' compose.yaml 'dossier:${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}@postgres-standby' 'dossier:hunter2@postgres-standby' "URL's password"
case_ 'compose: depends_on a missing service' compose.yaml '      kafka-3:
        condition: service_healthy' '      kafka-4:
        condition: service_healthy' "'kafka-4' is not a service"
case_ 'compose: undeclared secret' compose.yaml '  - source: blind_index_key' '  - source: blind_key' "'blind_key' is not declared"
# nginx
case_ 'nginx: syntax error' nginx/nginx.conf 'proxy_connect_timeout 2s;' 'proxy_connect_timeout 2s' 'nginx.conf'
case_ 'nginx: unknown directive' nginx/nginx.conf 'proxy_buffering off;' 'proxy_bufering off;' 'unknown directive'
case_ 'nginx: upstream that is no service' nginx/nginx.conf 'server reporting-2:3000' 'server reporting-3:3000' "'reporting-3' is not a service"
# Kubernetes
case_ 'k8s: schema, misspelt field' k8s/intake.yaml '  replicas: 2' '  replica: 2' "'replica' was unexpected"
case_ 'k8s: schema, wrong type' k8s/relay.yaml 'containerPort: 3000' 'containerPort: http' 'containerPort'
case_ 'k8s: kustomization names a missing file' k8s/kustomization.yaml '  - ingress.yaml' '  - ingres.yaml' 'ingres.yaml'
case_ 'k8s: no readiness probe' k8s/reporting.yaml '          readinessProbe:' '          readinessProbeX:' 'readinessProbe'
case_ 'k8s: probe not on /health' k8s/notifier.yaml '          livenessProbe:
            httpGet:
              path: /health' '          livenessProbe:
            httpGet:
              path: /' 'livenessProbe is not an HTTP GET of /health'
case_ 'k8s: root allowed' k8s/projector.yaml 'runAsNonRoot: true' 'runAsNonRoot: false' 'runAsNonRoot is not true'
case_ 'k8s: writable root file system' k8s/intake.yaml 'readOnlyRootFilesystem: true' 'readOnlyRootFilesystem: false' 'readOnlyRootFilesystem'
case_ 'k8s: no memory limit' k8s/relay.yaml '              memory: 768Mi' '' 'no memory limit'
case_ 'k8s: secret as a literal value' k8s/intake.yaml '            - name: TOKEN_SECRET
              valueFrom:
                secretKeyRef:
                  name: dossier-tracker
                  key: TOKEN_SECRET' '            - name: TOKEN_SECRET
              value: not-a-secret-any-more-not-a-secret' 'TOKEN_SECRET must come from a Secret'
case_ 'k8s: no PodDisruptionBudget' k8s/relay.yaml 'kind: PodDisruptionBudget
metadata:
  name: relay
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: relay' 'kind: PodDisruptionBudget
metadata:
  name: relay
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: relay-old' 'no PodDisruptionBudget'
case_ 'k8s: Ingress routes differ from nginx' k8s/ingress.yaml '          - path: /api/v1/audit
            pathType: Prefix
            backend:
              service:
                name: reporting' '          - path: /api/v1/audit
            pathType: Prefix
            backend:
              service:
                name: intake' 'nginx sends /api/v1/audit to reporting'

echo "infra self-test: $passed passed, $failed failed"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
