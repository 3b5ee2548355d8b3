#!/bin/sh
# Writes graph-replicas.conf with its placeholders filled in, to standard output.
# usage: deploy/nginx/render.sh LISTEN RATE BURST host:port [host:port ...]
#   e.g. deploy/nginx/render.sh 80 2r/s 20 10.0.0.11:4000 10.0.0.12:4000 10.0.0.13:4000 \
#          > /etc/nginx/conf.d/graph-replicas.conf
set -eu
if [ "$#" -lt 4 ]; then
  echo "usage: $0 LISTEN RATE BURST host:port [host:port ...]" >&2
  exit 1
fi
listen=$1 rate=$2 burst=$3
shift 3
servers=""
for replica in "$@"; do
  servers="${servers}server ${replica} max_fails=3 fail_timeout=5s;\\n    "
done
sed -e "s|@LISTEN@|${listen}|" -e "s|@RATE@|${rate}|" -e "s|@BURST@|${burst}|" -e "s|@SERVERS@|${servers}|" \
  "$(dirname "$0")/graph-replicas.conf"
