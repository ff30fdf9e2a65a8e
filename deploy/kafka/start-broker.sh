#!/usr/bin/env bash
# The compose broker's command (deploy/docker-compose.yml): writes the files that hold the admin
# password, then starts Kafka as the apache/kafka image does (its CMD, /etc/kafka/docker/run).
#
#   /tmp/wyp-kafka/kafka_server_jaas.conf  the broker's login modules (KAFKA_OPTS names it)
#   /tmp/wyp-kafka/admin.properties        an admin client's settings, for the health check and
#                                          for running Kafka's tools by hand:
#     docker compose -f deploy/docker-compose.yml exec kafka /opt/kafka/bin/kafka-acls.sh \
#       --bootstrap-server localhost:9094 --command-config /tmp/wyp-kafka/admin.properties --list
set -euo pipefail

password="${WYP_KAFKA_ADMIN_PASSWORD:?WYP_KAFKA_ADMIN_PASSWORD is not set}"
# It is written into a JAAS file and a properties file unquoted by anything but "...".
if [[ ! "$password" =~ ^[A-Za-z0-9._-]+$ ]]; then
  echo "WYP_KAFKA_ADMIN_PASSWORD may contain only letters, digits, '.', '_' and '-'" >&2
  exit 1
fi

dir=/tmp/wyp-kafka
umask 077
mkdir -p "$dir"
sed "s/@ADMIN_PASSWORD@/${password}/g" /opt/wyp/kafka/kafka_server_jaas.conf.template \
  > "$dir/kafka_server_jaas.conf"
cat > "$dir/admin.properties" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${password}";
PROPERTIES

exec /etc/kafka/docker/run
