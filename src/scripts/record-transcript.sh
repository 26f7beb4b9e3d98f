#!/usr/bin/env bash
# Records a transcript: runs the real Claude Code CLI (the build's pinned one, or CLAUDE_CODE_CLI_PATH)
# once against the scripted Anthropic API answering SCENARIO, in a fresh HOME, and writes its stdout
# (one JSON object per line) to OUTPUT. See docs/testing.md, "How to add a scenario".
# Usage: src/scripts/record-transcript.sh SCENARIO OUTPUT [CLI arguments...] [--api-first-event-delay=MS] [--api-slow-event-delay=MS]
# Example: src/scripts/record-transcript.sh TOOL_CALL autoconfigure/src/test/resources/transcripts/tool-call.jsonl
# Extra Maven flags (for example -o) go in MAVEN_FLAGS.
set -euo pipefail
if [ $# -lt 2 ]; then
  sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
scenario="$1"
case "$2" in /*) output="$2" ;; *) output="$PWD/$2" ;; esac
shift 2
cd "$(dirname "$0")/../.."
# The CLI version the build pins (and installs in the validate phase), unless one is named.
version="$(sed -n "s:.*<claude-code.cli.version>\(.*\)</claude-code.cli.version>.*:\1:p" pom.xml)"
export CLAUDE_CODE_CLI_PATH="${CLAUDE_CODE_CLI_PATH:-$HOME/.cache/claude-code-observability/cli/$version/node_modules/@anthropic-ai/claude-code-linux-x64/claude}"
# Compiles the test classes (and the scripted API they use) and writes the test class path.
# shellcheck disable=SC2086
mvn -B -q ${MAVEN_FLAGS:-} -pl autoconfigure -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
classpath="autoconfigure/target/test-classes:autoconfigure/target/classes:$(cat autoconfigure/target/test-classpath.txt)"
java -cp "$classpath" io.agentobs.claudecode.testsupport.TranscriptRecorder "$scenario" "$output" "$@"
