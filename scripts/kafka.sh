#!/usr/bin/env bash
# A single-node Apache Kafka broker (KRaft, broker + controller in one JVM) on 127.0.0.1:9092 for
# local runs and CI, without Docker: the jars come from Maven Central through deploy/kafka/pom.xml
# (fetched once, cached in deploy/kafka/target/lib and ~/.m2), data and logs live under .kafka/.
#
#   bash scripts/kafka.sh start    fetch if needed, format storage once, start, wait until it answers
#   bash scripts/kafka.sh stop     stop it (SIGTERM, then SIGKILL after 30 s)
#   bash scripts/kafka.sh status   exit 0 when the broker answers on 9092
#   bash scripts/kafka.sh reset    stop and delete .kafka/data (topics, offsets)
#
# `start` when it already answers is a no-op. Needs Java 17+ and mvn.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
HOME_DIR="$ROOT/.kafka"
LIB="$ROOT/deploy/kafka/target/lib"
DATA="$HOME_DIR/data"
LOGS="$HOME_DIR/logs"
PIDFILE="$HOME_DIR/kafka.pid"
HOST=127.0.0.1
PORT="${KAFKA_PORT:-9092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"

log() { printf '[kafka] %s\n' "$*" >&2; }

answers() { (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; }

running_pid() {
  [[ -f "$PIDFILE" ]] || return 1
  local pid
  pid="$(cat "$PIDFILE")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

fetch() {
  if compgen -G "$LIB/kafka_2.13-*.jar" >/dev/null && compgen -G "$LIB/log4j-core-*.jar" >/dev/null; then return; fi
  command -v mvn >/dev/null || { log "mvn is required to fetch the broker"; exit 1; }
  log "fetching Apache Kafka jars with mvn (once)"
  mvn -q -B -f "$ROOT/deploy/kafka/pom.xml" dependency:copy-dependencies
}

write_config() {
  mkdir -p "$DATA" "$LOGS"
  cat >"$HOME_DIR/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=localhost:$CONTROLLER_PORT
listeners=PLAINTEXT://$HOST:$PORT,CONTROLLER://$HOST:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://localhost:$PORT,CONTROLLER://localhost:$CONTROLLER_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$DATA
num.partitions=3
default.replication.factor=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
# Tests and CI join groups often: no 3 s wait for more members before the first rebalance.
group.initial.rebalance.delay.ms=0
log.retention.hours=24
log.segment.bytes=16777216
PROPS
  cat >"$HOME_DIR/log4j2.properties" <<'L4J'
status = warn
appender.file.type = File
appender.file.name = file
appender.file.fileName = ${sys:kafka.logs.dir}/server.log
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = WARN
rootLogger.appenderRef.file.ref = file
logger.kafka.name = kafka
logger.kafka.level = WARN
logger.org.name = org.apache.kafka
logger.org.level = WARN
L4J
}

java_run() {
  java -Xms128m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true \
    -Dkafka.logs.dir="$LOGS" -Dlog4j2.configurationFile="$HOME_DIR/log4j2.properties" \
    -cp "$LIB/*" "$@"
}

format_storage() {
  [[ -f "$DATA/meta.properties" ]] && return
  local id
  id="$(java_run kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n1)"
  log "formatting KRaft storage (cluster $id)"
  java_run kafka.tools.StorageTool format -t "$id" -c "$HOME_DIR/server.properties" --standalone >"$LOGS/format.log" 2>&1 ||
    { cat "$LOGS/format.log" >&2; exit 1; }
}

start() {
  if answers; then log "already answering on $HOST:$PORT"; return; fi
  if pid="$(running_pid)"; then
    log "process $pid is starting; waiting"
  else
    command -v java >/dev/null || { log "Java 17+ is required"; exit 1; }
    fetch
    write_config
    format_storage
    # setsid: the broker outlives this shell and a terminal's Ctrl-C.
    setsid nohup bash -c 'exec "$@"' _ java -Xms128m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true \
      -Dkafka.logs.dir="$LOGS" -Dlog4j2.configurationFile="$HOME_DIR/log4j2.properties" \
      -cp "$LIB/*" kafka.Kafka "$HOME_DIR/server.properties" >"$LOGS/stdout.log" 2>&1 </dev/null &
    echo $! >"$PIDFILE"
    pid="$(cat "$PIDFILE")"
    log "started process $pid; waiting for $HOST:$PORT"
  fi
  for _ in $(seq 1 120); do
    if answers; then log "ready on $HOST:$PORT"; return; fi
    if ! kill -0 "$pid" 2>/dev/null; then
      log "the broker exited; last lines of its logs:"
      tail -n 30 "$LOGS/stdout.log" "$LOGS/server.log" >&2 2>/dev/null || true
      rm -f "$PIDFILE"
      exit 1
    fi
    sleep 0.5
  done
  log "the broker did not answer within 60 s"
  exit 1
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$PIDFILE"
    if answers; then log "something answers on $HOST:$PORT but was not started by this script; left alone"; fi
    log "not running"
    return
  fi
  kill -TERM "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "still running after 30 s; killing $pid"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$PIDFILE"
  log "stopped"
}

status() {
  if answers; then
    log "answering on $HOST:$PORT${pid:+ (process $pid)}"
    return 0
  fi
  log "not answering on $HOST:$PORT"
  return 1
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) pid="$(running_pid || true)"; status ;;
  reset) stop; rm -rf "$DATA"; log "data deleted" ;;
  *) echo "usage: $0 start|stop|status|reset" >&2; exit 2 ;;
esac
