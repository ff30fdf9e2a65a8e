#!/usr/bin/env bash
# The kafka-init service of deploy/docker-compose.yml. As admin, on the broker's BROKER listener:
#   1. sets the SCRAM-SHA-512 password of every principal in acls.txt, from the variable
#      WYP_KAFKA_PASSWORD_<PRINCIPAL> (upper case, '-' as '_');
#   2. creates the topics of topics.txt that do not exist yet;
#   3. adds the ACLs of acls.txt.
# Every step is idempotent, so it runs at every `docker compose up`. It only ever adds: an ACL
# taken out of acls.txt stays on the broker until it is removed by hand (README, "Kafka security").
set -euo pipefail

here=/opt/wyp/kafka
bin=/opt/kafka/bin
bootstrap="${WYP_KAFKA_ADMIN_BOOTSTRAP:?WYP_KAFKA_ADMIN_BOOTSTRAP is not set}"
admin_password="${WYP_KAFKA_ADMIN_PASSWORD:?WYP_KAFKA_ADMIN_PASSWORD is not set}"
partitions="${WYP_KAFKA_PARTITIONS:?WYP_KAFKA_PARTITIONS is not set}"
replicas="${WYP_KAFKA_REPLICATIONFACTOR:?WYP_KAFKA_REPLICATIONFACTOR is not set}"

# Passwords go into JAAS settings ("...") and SCRAM settings ([password=...]) unescaped.
check_password() {
  if [[ ! "$2" =~ ^[A-Za-z0-9._-]+$ ]]; then
    echo "$1 may contain only letters, digits, '.', '_' and '-'" >&2
    exit 1
  fi
}

# The lines of a table that are neither blank nor comments.
rows() {
  grep -Ev '^[[:space:]]*(#|$)' "$1"
}

check_password WYP_KAFKA_ADMIN_PASSWORD "$admin_password"
config=$(mktemp)
trap 'rm -f "$config"' EXIT
cat > "$config" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${admin_password}";
PROPERTIES

# Runs one of Kafka's tools as admin. Its stdin is not the table being read.
tool() {
  local name=$1
  shift
  "$bin/$name" --bootstrap-server "$bootstrap" --command-config "$config" "$@" < /dev/null
}

echo "== SCRAM users"
for principal in $(rows "$here/acls.txt" | awk '{print $1}' | sort -u); do
  variable="WYP_KAFKA_PASSWORD_$(tr 'a-z-' 'A-Z_' <<< "$principal")"
  password="${!variable:-}"
  if [[ -z "$password" ]]; then
    echo "$variable is not set: no password for $principal" >&2
    exit 1
  fi
  check_password "$variable" "$password"
  tool kafka-configs.sh --alter --entity-type users --entity-name "$principal" \
    --add-config "SCRAM-SHA-512=[password=${password}]"
done

echo "== Topics ($partitions partitions, $replicas replicas)"
existing=$(tool kafka-topics.sh --list)
while read -r topic settings; do
  if grep -qxF -- "$topic" <<< "$existing"; then
    echo "$topic exists"
    continue
  fi
  args=(--create --if-not-exists --topic "$topic" --partitions "$partitions"
    --replication-factor "$replicas")
  for setting in $settings; do
    args+=(--config "$setting")
  done
  tool kafka-topics.sh "${args[@]}"
done < <(rows "$here/topics.txt")

echo "== ACLs"
# One kafka-acls.sh per principal and operation: it grants each --operation on each resource.
declare -A resources=()
while read -r principal operation type name extra; do
  if [[ -z "$name" || -n "$extra" || ! "$type" =~ ^(topic|group)$ ]]; then
    echo "acls.txt: expected '<principal> <operation> topic|group <name>', not:" \
      "$principal $operation $type $name $extra" >&2
    exit 1
  fi
  resources["$principal $operation"]+=" --$type $name"
done < <(rows "$here/acls.txt")
for key in "${!resources[@]}"; do
  read -r principal operation <<< "$key"
  # Word splitting is wanted here: one word per option and per name, which hold no spaces.
  # shellcheck disable=SC2086
  tool kafka-acls.sh --add --allow-principal "User:$principal" --operation "$operation" \
    ${resources[$key]}
done

echo "== Done"
