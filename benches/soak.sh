#!/usr/bin/env bash
# Soak test: the release server under steady load for a long time, over a mix
# of real addresses, watching for errors and for memory that keeps growing.
#
#   bash benches/soak.sh                    # 10 minutes on the built-in corpus
#   DURATION=60 bash benches/soak.sh        # a shorter run (seconds)
#   COUNT=10000 bash benches/soak.sh        # on 10,000 generated articles
#
# Settings (environment): DURATION (seconds, default 600), CONNECTIONS
# (default 64), THREADS (wrk threads, default 2), COUNT (generate a corpus of
# this many articles instead of using the built-in one), BIN (a binary to use
# instead of building target/release/counterparts).
#
# It prints total requests, requests/s, socket errors, responses by status
# class, resident memory after warm-up, at the end and at its peak, and
# whether /healthz still answers. It exits non-zero on any socket error, any
# response outside 2xx/3xx, or a server that no longer answers.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

DURATION=${DURATION:-600}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
  [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

if ! command -v wrk >/dev/null 2>&1; then
  echo "installing wrk (Debian package)" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null
fi

if [[ -z "${BIN:-}" ]]; then
  echo "building the release binary" >&2
  cargo build --release -q
  BIN=target/release/counterparts
fi

ARGS=()
if [[ -n "${COUNT:-}" ]]; then
  "$BIN" generate --count "$COUNT" --out "$WORK/articles" >/dev/null 2>&1
  ARGS=(--articles "$WORK/articles")
fi

# A free loopback port: the kernel picks one, we release it and use it.
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
URL="http://127.0.0.1:$PORT"
# Warnings only: a log line per request would write gigabytes in ten minutes.
RUST_LOG=warn "$BIN" "${ARGS[@]}" --bind "127.0.0.1:$PORT" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 1500); do curl -fs -o /dev/null "$URL/healthz" && break; sleep 0.02; done
curl -fs -o /dev/null "$URL/healthz" || { echo "the server did not start:" >&2; cat "$WORK/server.log" >&2; exit 1; }

# The addresses to rotate through, read from the server itself: the overview,
# every topic and speaker, up to 100 articles and 300 quotes, searches, the
# JSON twin of each, and the files for crawlers.
curl -fs "$URL/export.json" >"$WORK/export.json"
python3 - "$WORK/export.json" >"$WORK/paths.txt" <<'PY'
import json, sys
export = json.load(open(sys.argv[1]))
pages = ["/"]
pages += [f"/topics/{t['id']}" for t in export["topics"]]
pages += [f"/speakers/{s['id']}" for s in export["speakers"]]
articles = export["articles"]
pages += [f"/articles/{a['id']}" for a in articles[:100]]
quotes = [s["id"] for a in articles for s in a["statements"]]
step = max(1, len(quotes) // 300)
pages += [f"/quotes/{q}" for q in quotes[::step][:300]]
paths = pages + [p + ".json" if p != "/" else "/index.json" for p in pages]
for q in ["cyber", "nuclear+arms", "ambassadors", "human+rights", "Navalny", "zzzz"]:
    paths += [f"/search?q={q}", f"/search.json?q={q}", f"/search?q={q}&speaker=putin"]
paths += ["/healthz", "/robots.txt", "/sitemap.xml", "/export.json"]
print("\n".join(paths))
PY
echo "$(wc -l <"$WORK/paths.txt") addresses, $CONNECTIONS connections, $DURATION s" >&2

# wrk's script: each thread walks the list from its own starting point and
# counts responses by status class; done() adds the threads' counts up.
cat >"$WORK/mix.lua" <<'LUA'
local threads = {}
local paths = {}
for line in io.lines(os.getenv("PATHS_FILE")) do paths[#paths + 1] = line end

function setup(thread)
  thread:set("first", #threads * 7919)
  table.insert(threads, thread)
end

function init(args)
  i = first
  counts = { 0, 0, 0, 0, 0 }
end

function request()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end

function response(status, headers, body)
  local class = math.floor(status / 100)
  if class >= 1 and class <= 5 then counts[class] = counts[class] + 1 end
end

function done(summary, latency, requests)
  local total = { 0, 0, 0, 0, 0 }
  for _, t in ipairs(threads) do
    local c = t:get("counts")
    for k = 1, 5 do total[k] = total[k] + c[k] end
  end
  io.write(string.format("status classes: 1xx %d, 2xx %d, 3xx %d, 4xx %d, 5xx %d\n",
    total[1], total[2], total[3], total[4], total[5]))
end
LUA

rss_kb() { awk -v key="$1:" '$1 == key { print $2 }' "/proc/$SERVER_PID/status"; }
mb() { awk -v kb="$1" 'BEGIN { printf "%.1f MB", kb / 1024 }'; }

# Warm-up: every page rendered and cached once, so that the starting figure is
# the server's settled size rather than its size before any request.
PATHS_FILE="$WORK/paths.txt" wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -s "$WORK/mix.lua" "$URL" >/dev/null
RSS_START=$(rss_kb VmRSS)

# Memory every minute, to tell a plateau from a leak.
( while sleep 60; do echo "$(date +%T) $(rss_kb VmRSS)"; done ) >"$WORK/rss.log" 2>/dev/null &
SAMPLER=$!

PATHS_FILE="$WORK/paths.txt" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s \
  -s "$WORK/mix.lua" "$URL" | tee "$WORK/wrk.txt"
kill "$SAMPLER" 2>/dev/null || true

RSS_END=$(rss_kb VmRSS)
RSS_PEAK=$(rss_kb VmHWM)
if curl -fs -m 5 -o /dev/null "$URL/healthz"; then HEALTHY=yes; else HEALTHY=no; fi

# wrk prints socket errors and non-2xx/3xx lines only when there are some.
read -r CONNECT READ WRITE TIMEOUT < <(awk '/Socket errors/ { gsub(",", ""); print $4, $6, $8, $10 }' "$WORK/wrk.txt") || true
BAD=$(awk '/Non-2xx or 3xx/ { print $5 }' "$WORK/wrk.txt")
TOTAL=$(awk '/requests in/ { print $1 }' "$WORK/wrk.txt")
RPS=$(awk '/Requests\/sec/ { print $2 }' "$WORK/wrk.txt")

echo
echo "## Soak: $DURATION s, $CONNECTIONS connections, $(wc -l <"$WORK/paths.txt") addresses${COUNT:+, $COUNT generated articles}"
echo "requests:          $TOTAL ($RPS/s)"
echo "socket errors:     connect ${CONNECT:-0}, read ${READ:-0}, write ${WRITE:-0}, timeout ${TIMEOUT:-0}"
echo "non-2xx/3xx:       ${BAD:-0}"
echo "RSS after warm-up: $(mb "$RSS_START")"
echo "RSS at the end:    $(mb "$RSS_END")"
echo "peak RSS (VmHWM):  $(mb "$RSS_PEAK")"
[[ -s "$WORK/rss.log" ]] && echo "RSS each minute:   $(awk '{ printf "%s%.1f", (NR > 1 ? ", " : ""), $2 / 1024 }' "$WORK/rss.log") MB"
echo "/healthz after:    $HEALTHY"
echo "server output (warnings and errors only):"; sed 's/^/  /' "$WORK/server.log" | tail -20

ERRORS=$(( ${CONNECT:-0} + ${READ:-0} + ${WRITE:-0} + ${TIMEOUT:-0} + ${BAD:-0} ))
if (( ERRORS > 0 )) || [[ $HEALTHY != yes ]]; then
  echo "FAILED: $ERRORS errors, healthy: $HEALTHY" >&2
  exit 1
fi
echo "passed"
