#!/bin/sh
# Starts several replicas of the server on this machine, behind nginx, over one Neo4j (a shell example of what
# deploy/systemd does on several machines). Stop them with Ctrl-C.
# usage: NEO4J_URI=neo4j://... NEO4J_PASSWORD=... deploy/replicas.sh [replicas (3)] [first port (4001)]
set -eu
cd "$(dirname "$0")/.."
count=${1:-3}
first=${2:-4001}
: "${NEO4J_URI:?set NEO4J_URI to the Neo4j (or cluster, or Aura) every replica serves}"
npm run -s build
# Once, before any replica serves (several may run it at once: a lock in Neo4j keeps it to one).
node dist/src/cli/migrate.js
pids=""
trap 'kill $pids 2>/dev/null' INT TERM EXIT
i=0
while [ "$i" -lt "$count" ]; do
  port=$((first + i))
  MIGRATE_ON_START=0 TRUST_PROXY=loopback PORT=$port NODE_ENV=production node dist/src/main.js &
  pids="$pids $!"
  i=$((i + 1))
done
echo "replicas on ports $first to $((first + count - 1)); point deploy/nginx/render.sh at them"
wait
