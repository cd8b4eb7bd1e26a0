#!/usr/bin/env bash
# Runs docker/healthcheck.sh on the host against a stand-in /health/ready (python3's http.server) for each answer that
# matters, because no container engine may be available to try the image itself:  docker/check-healthcheck.sh
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
failures=0
expect() {  # expect <healthy|unhealthy> <http status> <body>
  python3 - "$port" "$2" "$3" 2>/dev/null <<'PY' &
import http.server, sys
port, code, body = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3].encode()
class Ready(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(code); self.send_header("Content-Type", "application/json"); self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args): pass
http.server.HTTPServer(("127.0.0.1", port), Ready).serve_forever()
PY
  local server=$!
  for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
  local got=unhealthy
  ROLLCALL_PORT="$port" bash "$here/healthcheck.sh" >/dev/null 2>&1 && got=healthy
  kill "$server"; wait "$server" 2>/dev/null
  if [[ "$got" == "$1" ]]; then echo "ok   $1: $2 $3"; else echo "FAIL $got, expected $1: $2 $3"; failures=$((failures+1)); fi
}
expect healthy   200 '{"status":"UP","checks":[{"name":"database","status":"UP","data":{}}]}'
expect healthy   200 '{"checks":[{"name":"database","status":"UP"}],"status":"UP"}'
expect healthy   200 '{ "status" : "UP", "checks" : [ ] }'
expect unhealthy 200 '{"status":"DOWN","checks":[{"name":"database","status":"UP"}]}'
expect unhealthy 200 '{"checks":[{"name":"database","status":"UP"}],"status":"DOWN"}'
expect unhealthy 503 '{"status":"DOWN","checks":[{"name":"database","status":"DOWN"}]}'
expect unhealthy 503 '{"status":"UP"}'
if ROLLCALL_PORT="$port" bash "$here/healthcheck.sh" >/dev/null 2>&1; then
  echo "FAIL healthy with nothing listening"; failures=$((failures+1))
else
  echo "ok   unhealthy: nothing listening"
fi
exit $(( failures > 0 ))
