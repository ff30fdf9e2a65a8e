# Shared by the scripts in bin/: finds a JDK >= 21 and tells Java's major version.
# Source it; it defines MIN_JAVA, java_major and find_java.

readonly MIN_JAVA=21

# Major version of a java executable, from the release file of its home, else from -version.
java_major() {
  local java="$1" home version
  home="$(dirname "$(dirname "$java")")"
  if [[ -f "$home/release" ]]; then
    version="$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$home/release")"
  else
    version="$("$java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)"
  fi
  version="${version#1.}" # 1.8.0_x is Java 8
  echo "${version%%[.+-]*}"
}

# $JAVA_HOME if it is a JDK >= 21, else the newest under /usr/lib/jvm, else `java` on the PATH.
find_java() {
  local candidate major best="" best_major=0
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    major="$(java_major "$JAVA_HOME/bin/java")"
    if ((${major:-0} >= MIN_JAVA)); then
      echo "$JAVA_HOME/bin/java"
      return
    fi
  fi
  for candidate in /usr/lib/jvm/*/bin/java; do
    [[ -x "$candidate" ]] || continue
    major="$(java_major "$candidate")"
    if ((${major:-0} > best_major)); then
      best="$candidate"
      best_major="$major"
    fi
  done
  if ((best_major >= MIN_JAVA)); then
    echo "$best"
    return
  fi
  if candidate="$(command -v java)"; then
    major="$(java_major "$(readlink -f "$candidate")")"
    if ((${major:-0} >= MIN_JAVA)); then
      echo "$candidate"
      return
    fi
  fi
  echo "$(basename "$0"): needs a JDK ${MIN_JAVA} or newer; set JAVA_HOME to one" >&2
  return 1
}

# The project version: the <version> that follows <artifactId>wyp-parent</artifactId>.
project_version() {
  sed -n '/<artifactId>wyp-parent<\/artifactId>/,/<\/version>/s|.*<version>\(.*\)</version>.*|\1|p' \
    "$1/pom.xml" | head -n 1
}
