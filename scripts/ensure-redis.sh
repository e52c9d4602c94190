#!/usr/bin/env bash
# Make sure the Redis server named by REDIS_URL answers; start a local one if it is ours to start.
set -euo pipefail
url="${REDIS_URL:?REDIS_URL is not set}"
hostport="${url#redis://}"; hostport="${hostport%%/*}"; hostport="${hostport##*@}"
host="${hostport%%:*}"; port="${hostport##*:}"; [ "$port" = "$host" ] && port=6379

ping() { (exec 3<>"/dev/tcp/$host/$port" && printf 'PING\r\n' >&3 && read -r -t 2 reply <&3 \
          && [[ "$reply" == +PONG* ]]) 2>/dev/null; }

ping && exit 0
if [[ "$host" == "127.0.0.1" || "$host" == "localhost" ]] && command -v redis-server >/dev/null; then
  echo "Starting a local Redis server on port $port for the tests"
  mkdir -p var
  redis-server --daemonize yes --bind 127.0.0.1 --port "$port" --save "" --appendonly no \
    --dir "$PWD/var" --logfile "$PWD/var/redis.log"
  for _ in $(seq 50); do ping && exit 0; sleep 0.1; done
fi
echo "Redis is not answering at $host:$port (REDIS_URL=$url)." >&2
echo "The worker tests need a real Redis server: install redis-server or point REDIS_URL at one." >&2
exit 1
