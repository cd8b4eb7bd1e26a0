#!/usr/bin/env bash
# Container health check: healthy only when GET /health/ready answers HTTP 200 and the document's own top-level
# "status" is "UP". MicroProfile Health answers 503 with "status":"DOWN" when any check is down; a per-check
# "status":"UP" inside "checks" must not count, so the checks array is cut away before the status is read.
# Uses only bash (/dev/tcp): the base image has no curl.
set -euo pipefail
port="${ROLLCALL_PORT:-8080}"
exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET /health/ready HTTP/1.0\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n' >&3
IFS= read -r -t 2 status_line <&3
status_line="${status_line%$'\r'}"
case "$status_line" in
  "HTTP/1."?" 200"*) ;;
  *) echo "not ready: ${status_line:-no answer}"; exit 1 ;;
esac
body="$(cat <&3)"
body="${body#*$'\r\n\r\n'}"
body="${body//[$'\t\r\n ']/}"
top_level="$(sed -E 's/"checks":\[.*\]//' <<<"$body")"
if [[ "$top_level" == *'"status":"UP"'* ]]; then
  exit 0
fi
echo "not ready: $top_level"
exit 1
