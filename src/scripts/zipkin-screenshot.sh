#!/usr/bin/env bash
# Takes the README's screenshot of an agent trace in the Zipkin UI: starts a Zipkin server
# (io.zipkin:zipkin-server exec jar from Maven Central) on loopback, runs the sample app with
# Spring Boot's Zipkin exporter pointed at it, and lets headless Chromium capture the trace page.
# Needs: Java 17, Maven, npm, Chromium (Debian package `chromium`). Usage: src/scripts/zipkin-screenshot.sh [out.png]
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-docs/zipkin-trace.png}"
version="$(sed -n "s:.*<zipkin-server.version>\(.*\)</zipkin-server.version>.*:\1:p" pom.xml)"
port=9411
work="$(mktemp -d)"
trap 'kill "${zipkin_pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT

mvn -B -q dependency:copy -Dartifact="io.zipkin:zipkin-server:$version:jar:exec" -DoutputDirectory="$work" -Dmdep.stripVersion=true -N
java -jar "$work/zipkin-server-exec.jar" --server.port=$port --server.address=127.0.0.1 >"$work/zipkin.log" 2>&1 &
zipkin_pid=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 1
done

mvn -B -q -pl sample-app -am -DskipTests package
java -jar sample-app/target/claude-code-observability-sample-app.jar \
  --management.zipkin.tracing.endpoint="http://127.0.0.1:$port/api/v2/spans" | tee "$work/sample.log"
trace_id="$(sed -n 's/^Trace \([0-9a-f]\{32\}\).*/\1/p' "$work/sample.log" | tail -1)"
[ -n "$trace_id" ] || { echo "zipkin-screenshot: the sample printed no trace id" >&2; exit 1; }
for _ in $(seq 1 30); do
  curl -fs "http://127.0.0.1:$port/api/v2/trace/$trace_id" >/dev/null 2>&1 && break
  sleep 1
done

mkdir -p "$(dirname "$out")"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$work/chromium" --hide-scrollbars \
  --window-size=1400,720 --virtual-time-budget=15000 --screenshot="$out" \
  "http://127.0.0.1:$port/zipkin/traces/$trace_id"
echo "zipkin-screenshot: wrote $out (trace $trace_id)"
