#!/usr/bin/env bash
# The attacks the server must hold on the open internet, each bounded in count and time, on loopback only,
# against the release binary under a 1,024-descriptor limit; once on the
# built-in corpus and once on 10,000 generated articles.
#
#   bash benches/attack.sh              # both corpora (about 4 minutes)
#   CORPUS=builtin bash benches/attack.sh
#   DURATION=5 bash benches/attack.sh   # seconds per flood (default 10)
#
# For each attack: /healthz latency (p50, p99, worst) sampled every 20 ms
# on fresh connections while it runs, responses by status class, peak RSS,
# and for SIGTERM the time to exit. It fails on any 5xx or a /healthz that
# does not answer.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

DURATION=${DURATION:-10}
CORPUS=${CORPUS:-"builtin big"}
PORT=${PORT:-18090}
WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

command -v wrk >/dev/null 2>&1 || {
  echo "installing wrk (Debian package)" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null
}
if [[ -z "${NO_BUILD:-}" ]]; then  # NO_BUILD=1: use target/release as it is
  echo "building the release binary" >&2
  cargo build --release -q
fi
BIN=$PWD/target/release/counterparts
URL="http://127.0.0.1:$PORT"

# The prober: /healthz on a new connection every 20 ms until told to stop;
# prints "p50 p99 worst failures" in ms.
cat >"$WORK/probe.py" <<'PY'
import socket, sys, time, os
port, stop = int(sys.argv[1]), sys.argv[2]
times, failures = [], 0
while not os.path.exists(stop):
    t = time.perf_counter()
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        data = b""
        while True:
            chunk = s.recv(4096)
            if not chunk: break
            data += chunk
        s.close()
        if not data.startswith(b"HTTP/1.1 200"): failures += 1
    except OSError:
        failures += 1
    times.append((time.perf_counter() - t) * 1000)
    time.sleep(0.02)
times.sort()
pick = lambda q: times[min(len(times) - 1, int(q * len(times)))] if times else float("nan")
print(f"{pick(0.5):.1f} {pick(0.99):.1f} {times[-1] if times else float('nan'):.1f} {failures}")
PY

# Clients that open connections and never finish a request's headers.
cat >"$WORK/slow.py" <<'PY'
import socket, sys, time
port, count, seconds = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
held, refused = [], 0
for _ in range(count):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        held.append(s)
    except OSError:
        refused += 1
time.sleep(seconds)
closed = 0
for s in held:
    s.setblocking(False)
    try:
        if s.recv(1) == b"": closed += 1
    except BlockingIOError:
        pass
    except OSError:
        closed += 1
print(f"{len(held)} opened, {refused} refused, {closed} closed by the server")
PY

# Clients that ask for a large response and never read it.
cat >"$WORK/unread.py" <<'PY'
import socket, sys, time
port, count, seconds, path = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
held = []
for _ in range(count):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.connect(("127.0.0.1", port))
    s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    held.append(s)
time.sleep(seconds)
print(f"{len(held)} held unread for {seconds:.0f} s")
PY

start_server() { # args...
  bash -c "ulimit -n 1024 && exec \"$BIN\" --bind 127.0.0.1:$PORT $*" >"$WORK/server.log" 2>&1 &
  SERVER=$!
  PIDS+=("$SERVER")
  for _ in $(seq 1 1500); do curl -fs -o /dev/null "$URL/healthz" && break; sleep 0.02; done
  # The search index is ready (a request waiting for it longer than its
  # 10 seconds is answered 408: ask again).
  for _ in $(seq 1 30); do curl -fs -o /dev/null "$URL/search?q=warm" && break; done
}

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$SERVER/status"; }
hwm_mb() { awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$SERVER/status"; }

# Runs "$@" while probing /healthz; prints one row of the table.
attack() { # name command...
  local name=$1; shift
  rm -f "$WORK/stop"
  python3 "$WORK/probe.py" "$PORT" "$WORK/stop" >"$WORK/probe.txt" &
  local probe=$!
  local before; before=$(rss_mb)
  local out; out=$("$@" 2>&1 | tail -n 3 | tr '\n' ' ')
  touch "$WORK/stop"; wait "$probe"
  read -r p50 p99 worst failures <"$WORK/probe.txt"
  printf '| %s | %s | %s / %s / %s | %s | %s → %s MB (peak %s) |\n' \
    "$name" "$out" "$p50" "$p99" "$worst" "$failures" "$before" "$(rss_mb)" "$(hwm_mb)"
  [[ "$failures" == 0 ]] || { echo "/healthz failed $failures times during: $name" >&2; exit 1; }
}

# wrk with a Lua script making every address unique; prints its summary and
# fails on a 5xx.
flood() { # connections lua-path-expression
  cat >"$WORK/flood.lua" <<LUA
local n = 0
request = function() n = n + 1; return wrk.format("GET", $2) end
local fivexx = 0
response = function(status) if status >= 500 then fivexx = fivexx + 1 end end
done = function() io.write(string.format("5xx: %d\n", fivexx)) end
LUA
  # wrk's Lua counts per thread; one thread keeps the count whole.
  wrk -t1 -c"$1" -d"${DURATION}s" --timeout 15s -s "$WORK/flood.lua" "$URL" |
    awk '/Requests\/sec/ {r=$2} /Non-2xx/ {n=$NF} /5xx:/ {f=$2} /Socket errors/ {e=$0}
         END {printf "%s req/s, non-2xx %s, 5xx %s %s\n", r, (n ? n : 0), f, e; if (f > 0) exit 1}'
}

sigterm() {
  python3 "$WORK/slow.py" "$PORT" 300 30 >/dev/null &
  local slow=$!
  sleep 2
  local t0; t0=$(date +%s%N)
  kill -TERM "$SERVER"
  while kill -0 "$SERVER" 2>/dev/null; do sleep 0.05; done
  echo "exited $(( ($(date +%s%N) - t0) / 1000000 )) ms after SIGTERM with 300 unfinished requests"
  kill "$slow" 2>/dev/null || true
}

run_corpus() { # label server-args...
  local label=$1; shift
  start_server "$@"
  local id; id=$(curl -fs "$URL/topics/cybersecurity.json" | python3 -c 'import json,sys; print(next(s["id"] for c in json.load(sys.stdin)["columns"] for s in c["statements"]))')
  echo
  echo "## $label (descriptor limit 1,024; floods of ${DURATION} s)"
  echo
  echo "| attack | outcome | /healthz p50 / p99 / worst ms | /healthz failures | RSS before → after |"
  echo "|---|---|---:|---:|---|"
  attack "1,100 connections that never finish their headers" python3 "$WORK/slow.py" "$PORT" 1100 "$DURATION"
  attack "unknown parameter \`/?z=N\`, 8 connections" flood 8 '"/?z=" .. n'
  attack "unknown parameter \`/?z=N\`, 300 connections" flood 300 '"/?z=" .. n'
  attack "any route, \`/robots.txt?q=N\`, 64 connections" flood 64 '"/robots.txt?q=" .. n'
  attack "unique searches \`/search?q=talks+N\`, 64 connections" flood 64 '"/search?q=talks+" .. n'
  attack "share card spellings, 64 connections" flood 64 "\"/quotes/$id\" .. ({\"%2Epng\", \".png?\", \".png?&\", \".png?page=1\"})[n % 4 + 1]"
  attack "\`/search?q=foo:*\`, 64 connections" flood 64 '"/search?q=foo:*"'
  attack "\`/sitemaps/99.xml\`, 64 connections" flood 64 '"/sitemaps/99.xml"'
  attack "10 clients that never read \`/export.json\`" python3 "$WORK/unread.py" "$PORT" 10 "$DURATION" /export.json
  echo "| log written meanwhile | $(wc -c <"$WORK/server.log") bytes | | | |"
  echo
  echo "SIGTERM: $(sigterm)"
}

for c in $CORPUS; do
  case $c in
    builtin) run_corpus "Built-in corpus" ;;
    big)
      "$BIN" generate --count 10000 --out "$WORK/articles" --seed 7 >/dev/null 2>&1
      run_corpus "10,000 generated articles" --articles "$WORK/articles" ;;
  esac
done
