#!/usr/bin/env bash
# Runs the curl examples of README.md's "Admin API" section exactly as written against a freshly started bundle, and
# fails when any answer is an error status the README does not expect.
#
#   mvn -q -DskipTests package && docs/check-readme.sh
#
# The server is started the way README "Bootstrap" says (ROLLCALL_BOOTSTRAP_OWNER_EMAIL, ROLLCALL_BOOTSTRAP_TOKEN),
# on a free 127.0.0.1 port, with its H2 database in a temporary directory that is removed afterwards; the server is
# stopped on exit. Only two things are not as written, because the README cannot know them:
#   - RC is pointed at the free port instead of localhost:8080 (set after the README's own `export` line);
#   - the placeholders <member-id> and <group-id> are replaced by a member created through SCIM (the README's
#     invitee cannot accept without a browser or e-mail) and by the id of the group the README creates.
# Needs: bash, curl, python3 (only to find a free port and read ids from JSON).
# ROLLCALL_CHECK_START_SECONDS (default 600) bounds the wait for /health/ready.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/target/rollcall.jar"
[[ -f "$jar" ]] || { echo "no $jar: run 'mvn -q -DskipTests package' first" >&2; exit 2; }

work="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# The bootstrap values, read from the README's own bootstrap command.
readme="$root/README.md"
owner_email="$(sed -n 's/.*ROLLCALL_BOOTSTRAP_OWNER_EMAIL=\([^ ]*\).*/\1/p' "$readme" | head -n 1)"
owner_token="$(sed -n 's/.*ROLLCALL_BOOTSTRAP_TOKEN=\([^ ]*\).*/\1/p' "$readme" | head -n 1)"
[[ -n "$owner_email" && -n "$owner_token" ]] || { echo "README has no bootstrap example" >&2; exit 2; }

echo "starting $jar on $base (data in $work)"
(cd "$work" && exec env ROLLCALL_BOOTSTRAP_OWNER_EMAIL="$owner_email" ROLLCALL_BOOTSTRAP_TOKEN="$owner_token" \
    ROLLCALL_PORT="$port" ROLLCALL_PUBLIC_URL="$base" \
    java -Dpayaramicro.noCluster=true -jar "$jar" >"$work/server.log" 2>&1) &
server_pid=$!
deadline=$(( SECONDS + ${ROLLCALL_CHECK_START_SECONDS:-600} ))
until [[ "$(command curl -s -o /dev/null -w '%{http_code}' "$base/health/ready" || true)" == 200 ]]; do
  if ! kill -0 "$server_pid" 2>/dev/null || (( SECONDS > deadline )); then
    echo "server did not become ready; last log lines:" >&2; tail -n 40 "$work/server.log" >&2; exit 1
  fi
  sleep 2
done
echo "ready"

# The first ```sh block after "## Admin API", with continuation lines joined.
block="$(awk '/^## Admin API/{s=1} s&&/^```sh/{b=1;next} b&&/^```/{exit} b{print}' "$readme" \
  | sed -e ':a' -e '/\\$/N; s/\\\n//; ta')"
[[ -n "$block" ]] || { echo "no sh block in README section Admin API" >&2; exit 2; }

failures=0
last_body="$work/last-body.json"
# Wraps curl so each command runs as written while its status is recorded.
curl() {
  local status
  status="$(command curl -o "$last_body" -w '%{http_code}' "$@")" || status="000"
  last_status="$status"
}
json_field() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$last_body" "$1"; }

member_id=""
group_id=""
previous_ok=""
while IFS= read -r line; do
  # A "# -> {...}" comment documents the previous answer: each of its "key":scalar pairs (other than "...")
  # must be in that answer.
  if [[ "$line" == "# -> {"* && -n "$previous_ok" ]]; then
    answer="$(tr -d ' \n' <"$last_body")"
    while IFS= read -r expected; do
      [[ -z "$expected" || "$expected" == *'"..."' ]] && continue
      expected_compact="${expected// /}"
      if [[ "$answer" == *"$expected_compact"* ]]; then
        echo "ok        answer has $expected"
      else
        echo "FAIL      answer lacks $expected: $(head -c 400 "$last_body")"; failures=$(( failures + 1 ))
      fi
    done < <(grep -oE '"[A-Za-z]+":("[^"]*"|true|false|[0-9]+)' <<<"$line" || true)
    previous_ok=""
    continue
  fi
  [[ -z "${line// }" || "$line" =~ ^[[:space:]]*# ]] && continue
  if [[ "$line" == export\ RC=* ]]; then
    eval "$line"; RC="$base"; continue
  fi
  if [[ "$line" != curl* ]]; then
    eval "$line"; continue
  fi
  command_line="${line//<member-id>/$member_id}"
  command_line="${command_line//<group-id>/$group_id}"
  if [[ "$line" == *"<member-id>"* && -z "$member_id" ]] || [[ "$line" == *"<group-id>"* && -z "$group_id" ]]; then
    echo "FAIL (placeholder without a value): $line"; failures=$(( failures + 1 )); continue
  fi
  last_status=""
  eval "$command_line"
  shown="${line%%  #*}"
  # A status the README names in the line's trailing comment (e.g. "# 204; 404 if none is linked") is expected too.
  comment=""
  [[ "$line" == *"  #"* ]] && comment="${line#*  #}"
  previous_ok=""
  if [[ "$last_status" =~ ^2 ]] || [[ -n "$comment" && "$comment" =~ (^|[^0-9])$last_status([^0-9]|$) ]]; then
    previous_ok=1
    echo "ok   $last_status  $shown"
  else
    echo "FAIL $last_status  $shown"; echo "     $(head -c 400 "$last_body")"; failures=$(( failures + 1 ))
  fi
  # Set up what the placeholders stand for, once the README has created workspace acme and its group.
  if [[ "$line" == *"-X POST \$RC/api/v1/workspaces -d"* && "$last_status" == 201 ]]; then
    curl -s "${auth[@]}" -X POST "$RC/api/v1/workspaces/acme/scim-tokens" -d '{"name":"check-readme"}'
    scim_token="$(json_field token)"
    curl -s -H "Authorization: Bearer $scim_token" -H "Content-Type: application/scim+json" -X POST \
      "$RC/scim/v2/Users" -d '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"jane@acme.com",
        "emails":[{"value":"jane@acme.com","type":"work","primary":true}]}'
    [[ "$last_status" == 201 ]] || { echo "setup: SCIM user create answered $last_status: $(cat "$last_body")"; exit 1; }
    member_id="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$last_body")"
    # The SCIM id and the member id may differ: take the member id from the admin API.
    curl -s "${auth[@]}" "$RC/api/v1/workspaces/acme/members?q=jane"
    member_id="$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["items"][0]["id"])' "$last_body" 2>/dev/null || echo "$member_id")"
  fi
  if [[ "$line" =~ /acme/groups[[:space:]]+-d && "$last_status" =~ ^2 ]]; then
    group_id="$(json_field id)"
  fi
done <<<"$block"

if (( failures > 0 )); then
  echo "$failures README check(s) failed; the server log ends:"
  tail -n 20 "$work/server.log"
  exit 1
fi
echo "all README Admin API commands answered as documented"
