#!/usr/bin/env bash
# Serving benchmark: Counterparts against nginx serving the same page bytes
# as static files, side by side and interleaved, on this machine's loopback.
#
#   bash benches/serve.sh            # full run (about 10 minutes)
#   QUICK=1 bash benches/serve.sh    # one run of each, 2 s each
#
# Part 1, the built-in corpus: for /, a topic page, a quote page and a
# search, at 1, 16, 64 and 256 connections, wrk against both servers (in
# turn, so both see the same machine state), the median of RUNS runs:
# requests/s, p50 and p99 latency, and the ratio to nginx.
# Part 2, 10,000 generated articles: start-up time to the first 200 from
# /healthz and to the first search, page latencies at 64 connections (the
# median of RUNS runs, and the p99 against part 1's at 64 connections),
# searches that are never cached (a different query each time) at 1, 16 and 64
# connections, and peak RSS.
#
#   PART=1 bash benches/serve.sh     # part 1 only
#   PART=2 bash benches/serve.sh     # part 2 only
#
# wrk and the server share the machine's cores; the figures say how the two
# servers compare on the same machine, not what either does alone. wrk runs
# one thread, so that the servers and not wrk get the cores, and each run
# reports the server's CPU time per request (user + system, from
# /proc/PID/stat before and after; nginx's master and workers together).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

RUNS=${RUNS:-3}
DURATION=${DURATION:-5s}
CONNECTIONS=${CONNECTIONS:-"1 16 64 256"}
if [[ -n "${QUICK:-}" ]]; then RUNS=1; DURATION=2s; fi
PORT_APP=${PORT_APP:-18080}
PORT_NGINX=${PORT_NGINX:-18081}
PORT_BIG=${PORT_BIG:-18082}
WORK=$(mktemp -d)
chmod 755 "$WORK"  # nginx workers run as another user
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

need() {
  command -v "$1" >/dev/null 2>&1 && return
  echo "installing $2 (Debian package)" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null
}
need wrk wrk
need nginx nginx-light

echo "building the release binary" >&2
cargo build --release -q
BIN=target/release/counterparts

wait_up() { # url
  for _ in $(seq 1 300); do curl -fs -o /dev/null "$1" && return 0; sleep 0.02; done
  echo "no answer from $1" >&2; return 1
}

# CPU time (user + system, in clock ticks) of these processes so far.
CLK_TCK=$(getconf CLK_TCK)
cpu_ticks() { # pid...
  local total=0 pid t
  for pid in "$@"; do
    # Fields after the command name, which may hold spaces: utime and stime
    # are the 12th and 13th.
    t=$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | awk '{print $12 + $13}') || t=0
    total=$(( total + ${t:-0} ))
  done
  echo "$total"
}

# One wrk run: prints "requests/s p50_ms p99_ms server_cpu_us_per_request".
# One wrk thread: on a machine of few cores a second one takes CPU from the
# server being measured, and the CPU the server spends per request says what
# requests/s alone cannot.
measure() { # url connections server-pid...
  local url=$1 connections=$2
  shift 2
  local before after out
  before=$(cpu_ticks "$@")
  out=$(wrk -t1 -c"$connections" -d"$DURATION" --latency "$url" 2>/dev/null)
  after=$(cpu_ticks "$@")
  # Both servers must answer every request with the page itself.
  if grep -q "Non-2xx" <<<"$out"; then echo "$url: some answers were not 200" >&2; exit 1; fi
  echo "$out" | awk -v ticks=$(( after - before )) -v hz="$CLK_TCK" '
    /requests in/ { n = $1 }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    END { printf "%s %.3f %.3f %.2f\n", rps, ms(p50), ms(p99), n ? ticks * 1e6 / hz / n : 0 }'
}

# The pages to measure.
TOPIC=/topics/cybersecurity
SEARCH="/search?q=cyber"

if [[ "${PART:-}" != 2 ]]; then
"$BIN" --bind "127.0.0.1:$PORT_APP" >"$WORK/app.log" 2>&1 &
APP_PID=$!
PIDS+=($APP_PID)
wait_up "http://127.0.0.1:$PORT_APP/healthz"
APP="http://127.0.0.1:$PORT_APP"

# The same bytes as static files for nginx.
QUOTE=/quotes/$(curl -fs "$APP$TOPIC.json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["columns"][1]["statements"][0]["id"])')
PAGES=("/" "$TOPIC" "$QUOTE" "$SEARCH")
mkdir -p "$WORK/www"
for p in "${PAGES[@]}"; do
  name=$(echo "$p" | tr '/?=&' '____')
  curl -fs "$APP$p" -o "$WORK/www/$name.html"
done
cat >"$WORK/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  default_type text/html;
  sendfile on;
  keepalive_requests 100000;
  client_body_temp_path $WORK/tmp; proxy_temp_path $WORK/tmp; fastcgi_temp_path $WORK/tmp;
  uwsgi_temp_path $WORK/tmp; scgi_temp_path $WORK/tmp;
  server {
    listen 127.0.0.1:$PORT_NGINX;
    root $WORK/www;
    location / { try_files /\$page.html =404; }
  }
}
CONF
# nginx maps each measured path to its file by a variable set per request.
python3 - "$WORK/nginx.conf" "${PAGES[@]}" <<'PY'
import sys
conf, pages = sys.argv[1], sys.argv[2:]
maps = "\n".join(f'    "{p}" "{p.replace("/", "_").replace("?", "_").replace("=", "_").replace("&", "_")}";' for p in pages)
text = open(conf).read().replace("  server {", "  map $request_uri $page {\n    default \"none\";\n" + maps + "\n  }\n  server {", 1)
open(conf, "w").write(text)
PY
mkdir -p "$WORK/tmp"
nginx -c "$WORK/nginx.conf" -p "$WORK"
PIDS+=($(cat "$WORK/nginx.pid" 2>/dev/null || echo 0))
NGX="http://127.0.0.1:$PORT_NGINX"
wait_up "$NGX/"
# nginx's CPU is its master's and its workers'.
NGINX_PIDS=($(cat "$WORK/nginx.pid") $(pgrep -P "$(cat "$WORK/nginx.pid")"))
for p in "${PAGES[@]}"; do
  cmp -s <(curl -fs "$APP$p") <(curl -fs "$NGX$p") || { echo "nginx does not serve the same bytes for $p" >&2; exit 1; }
done

RESULTS="$WORK/results.txt"
echo "measuring: ${#PAGES[@]} pages x connections ($CONNECTIONS) x $RUNS runs x 2 servers, $DURATION each" >&2
for run in $(seq 1 "$RUNS"); do
  for c in $CONNECTIONS; do
    for p in "${PAGES[@]}"; do
      echo "app $p $c $(measure "$APP$p" "$c" "$APP_PID")" >>"$RESULTS"
      echo "nginx $p $c $(measure "$NGX$p" "$c" "${NGINX_PIDS[@]}")" >>"$RESULTS"
    done
  done
done

echo
echo "## Built-in corpus: Counterparts vs nginx (same bytes), median of $RUNS runs of $DURATION, one wrk thread"
python3 - "$RESULTS" <<'PY'
import sys, statistics
rows = {}
for line in open(sys.argv[1]):
    server, path, c, rps, p50, p99, cpu = line.split()
    rows.setdefault((path, int(c), server), []).append((float(rps), float(p50), float(p99), float(cpu)))
med = lambda xs, i: statistics.median(x[i] for x in xs)
print("| page | conns | app req/s | app p50 ms | app p99 ms | app CPU µs/req | nginx req/s | nginx p50 ms | nginx p99 ms | nginx CPU µs/req | app/nginx |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for path, c in sorted({(p, c) for p, c, _ in rows}, key=lambda k: (k[0], k[1])):
    a, n = rows[(path, c, "app")], rows[(path, c, "nginx")]
    ratio = med(a, 0) / med(n, 0) if med(n, 0) else 0
    print(f"| `{path}` | {c} | {med(a,0):.0f} | {med(a,1):.2f} | {med(a,2):.2f} | {med(a,3):.1f} | {med(n,0):.0f} | {med(n,1):.2f} | {med(n,2):.2f} | {med(n,3):.1f} | {ratio:.2f} |")
PY

fi # part 1
if [[ "${PART:-}" == 1 ]]; then exit 0; fi

# Part 2: 10,000 generated articles.
BIG="$WORK/articles"
"$BIN" generate --count 10000 --out "$BIG" --seed 7 >/dev/null 2>&1
start_ns=$(date +%s%N)
"$BIN" --articles "$BIG" --bind "127.0.0.1:$PORT_BIG" >"$WORK/big.log" 2>&1 &
BIG_PID=$!
PIDS+=($BIG_PID)
wait_up "http://127.0.0.1:$PORT_BIG/healthz"
startup_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
BIGURL="http://127.0.0.1:$PORT_BIG"
# The search index is built alongside serving; the first search waits for it.
curl -fs -o /dev/null "$BIGURL/search?q=warm&fresh=0"
search_ready_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
BIG_QUOTE=/quotes/$(curl -fs "$BIGURL$TOPIC.json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["columns"][1]["statements"][0]["id"])')
echo
echo "## 10,000 generated articles ($(du -sm "$BIG" | cut -f1) MB on disk)"
echo "start-up to the first 200 from /healthz: ${startup_ms} ms"
echo "start-up to the first search answered: ${search_ready_ms} ms"
# A page is rendered on its first request and kept: the first request is
# timed on its own, and the measured runs then see the kept page, as in part 1.
first=()
for p in "/" "$TOPIC" "$BIG_QUOTE" "$SEARCH"; do
  first+=("$p $(curl -fs -o /dev/null -w '%{time_total}' "$BIGURL$p" | awk '{printf "%.0f ms", $1 * 1000}')")
done
echo "first request of each page (rendered then): $(IFS=,; echo "${first[*]}" | sed 's/,/, /g')"
# Each page RUNS times at 64 connections, in turn; the medians, and each
# page's p99 against the same page's on the built-in corpus (part 1).
BIG_RESULTS="$WORK/big.txt"
for run in $(seq 1 "$RUNS"); do
  for p in "/" "$TOPIC" "$BIG_QUOTE" "$SEARCH"; do
    echo "$p $(measure "$BIGURL$p" 64 "$BIG_PID")" >>"$BIG_RESULTS"
  done
done
python3 - "$BIG_RESULTS" "${RESULTS:-}" <<'PY'
import os, statistics, sys
# A quote page is compared with the quote page measured in part 1.
role = lambda path: "a quote page" if path.startswith("/quotes/") else path
big = {}
for line in open(sys.argv[1]):
    path, rps, p50, p99, _cpu = line.split()
    big.setdefault(path, []).append((float(rps), float(p50), float(p99)))
small = {}
if sys.argv[2] and os.path.exists(sys.argv[2]):
    for line in open(sys.argv[2]):
        server, path, c, rps, p50, p99, _cpu = line.split()
        if server == "app" and c == "64":
            small.setdefault(role(path), []).append(float(p99))
med = lambda xs, i: statistics.median(x[i] for x in xs)
print(f"| page, 64 connections, median of {len(next(iter(big.values())))} | req/s | p50 ms | p99 ms | p99 / built-in corpus's |")
print("|---|---:|---:|---:|---:|")
for path, runs in big.items():
    base = small.get(role(path))
    ratio = f"{med(runs, 2) / statistics.median(base):.2f}" if base else "(part 1 not run)"
    print(f"| `{path}` | {med(runs, 0):.0f} | {med(runs, 1):.2f} | {med(runs, 2):.2f} | {ratio} |")
PY

# Searches that are never answered from the page cache: every request asks
# for a query not asked before (two words of statements on the topic pages;
# every fifth a phrase in quotation marks). The cache keys on the query, so
# each run starts at its own place in a list long enough that no query comes
# twice in the whole script; every request searches the index, counts the
# facets, renders the results page and compresses it.
QUERIES=30000
echo "peak RSS after the pages above: $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/$BIG_PID/status)"
mkdir -p "$WORK/topics"
for t in $(curl -fs "$BIGURL/index.json" | python3 -c 'import json,sys; print(" ".join(r["topic"]["id"] for r in json.load(sys.stdin)["topics"]))'); do
  curl -fs -o "$WORK/topics/$t.json" "$BIGURL/topics/$t.json"
done
python3 - "$QUERIES" "$WORK"/topics/*.json >"$WORK/queries.txt" <<'PY'
import json, random, sys, urllib.parse
random.seed(7)
wanted = int(sys.argv[1])
pages = [json.load(open(f)) for f in sys.argv[2:]]
words = sorted({w.lower() for page in pages for c in page["columns"] for s in c["statements"]
                for w in s["text"].split() if w.isalpha() and len(w) > 3})
seen = set()
while len(seen) < wanted:
    a, b = random.choice(words), random.choice(words)
    q = f'"{a} {b}"' if len(seen) % 5 == 0 else f"{a} {b}"
    if q not in seen:
        seen.add(q)
        print(urllib.parse.quote_plus(q))
PY
cat >"$WORK/search.lua" <<LUA
local queries, n = {}, 0
for line in io.lines("$WORK/queries.txt") do queries[#queries + 1] = line end
function init(args) n = tonumber(args[1]) end
request = function()
  n = n + 1
  if n > #queries then error("ran out of queries never asked before") end
  return wrk.format("GET", "/search?q=" .. queries[n])
end
LUA
echo "| search never asked before | req/s | p50 ms | p99 ms |"
echo "|---|---:|---:|---:|"
offset=0
for c in 1 16 64; do
  out=$(wrk -t1 -c"$c" -d"$DURATION" --latency -s "$WORK/search.lua" "$BIGURL" -- "$offset" 2>&1)
  if grep -q "Non-2xx" <<<"$out"; then echo "never-cached searches at $c connections: some answers were not 200" >&2; exit 1; fi
  sent=$(awk '/requests in/ { print $1 }' <<<"$out")
  if (( offset + sent > QUERIES )); then echo "never-cached searches: $QUERIES queries were too few" >&2; exit 1; fi
  offset=$(( offset + sent + 1000 ))
  awk -v c="$c" '
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    END { printf "| %d connections | %.0f | %.3f | %.3f |\n", c, rps, ms(p50), ms(p99) }' <<<"$out"
done
echo "peak RSS after the never-cached searches too (each kept in the page cache, within --cache-mb): $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/$BIG_PID/status)"
