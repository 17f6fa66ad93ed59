#!/usr/bin/env bash
# Starts or stops Azurite (pinned in package.json) on free loopback ports, with its data in a folder of its own.
#
#   scripts/azurite.sh start DIR   starts it; writes DIR/azurite.env (AZURITE_PID, ports, AZURITE_CONNECTION_STRING)
#   scripts/azurite.sh stop DIR    stops the Azurite started for DIR, by its process id, and waits for it to exit
#
# Data lives in DIR/data, so a restart with the same DIR keeps it. AZURITE_IN_MEMORY=1 keeps it in memory instead
# (faster, for benchmarks; lost when Azurite stops).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cmd="${1:-}"; dir="${2:-}"
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }
mkdir -p "$dir"
env_file="$dir/azurite.env"

free_ports() {
  node -e '
    const net = require("net");
    const take = () => new Promise((ok) => { const s = net.createServer(); s.listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => ok(p)); }); });
    (async () => { const ps = []; while (ps.length < 3) { const p = await take(); if (!ps.includes(p)) ps.push(p); } console.log(ps.join(" ")); })();'
}

case "$cmd" in
  start)
    if [ ! -x "$root/node_modules/.bin/azurite" ]; then
      (cd "$root" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    fi
    read -r blob queue table < <(free_ports)
    mkdir -p "$dir/data"
    persistence=(--location "$dir/data")
    [ "${AZURITE_IN_MEMORY:-0}" = "1" ] && persistence=(--inMemoryPersistence)
    "$root/node_modules/.bin/azurite" --silent "${persistence[@]}" --skipApiVersionCheck --loose \
      --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
      --blobPort "$blob" --queuePort "$queue" --tablePort "$table" >"$dir/azurite.log" 2>&1 &
    pid=$!
    key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
    conn="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
    for _ in $(seq 1 100); do
      if (exec 3<>"/dev/tcp/127.0.0.1/$table") 2>/dev/null && (exec 3<>"/dev/tcp/127.0.0.1/$blob") 2>/dev/null && (exec 3<>"/dev/tcp/127.0.0.1/$queue") 2>/dev/null; then break; fi
      kill -0 "$pid" 2>/dev/null || { cat "$dir/azurite.log" >&2; echo "azurite exited" >&2; exit 1; }
      sleep 0.1
    done
    cat >"$env_file" <<ENV
AZURITE_PID=$pid
AZURITE_BLOB_PORT=$blob
AZURITE_QUEUE_PORT=$queue
AZURITE_TABLE_PORT=$table
AZURITE_CONNECTION_STRING='$conn'
ENV
    echo "azurite started (pid $pid): blob $blob, queue $queue, table $table"
    ;;
  stop)
    [ -f "$env_file" ] || exit 0
    # shellcheck disable=SC1090
    . "$env_file"
    if kill -0 "$AZURITE_PID" 2>/dev/null; then
      kill -TERM "$AZURITE_PID" 2>/dev/null || true
      for _ in $(seq 1 150); do kill -0 "$AZURITE_PID" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$AZURITE_PID" 2>/dev/null || true
    fi
    rm -f "$env_file"
    ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
