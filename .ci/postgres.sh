#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL server: `bash .ci/postgres.sh bash scripts/test.sh`.
# Installs Debian's postgresql when missing, starts a server on 127.0.0.1 (a free port, trust auth, data in
# a temp dir) as an unprivileged user, exports STORYLINE_TEST_POSTGRES_URL for the store tests, runs the
# command, then stops the server and removes the temp dir, whatever the command's outcome; exits with the
# command's status.
set -euo pipefail

find_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

pg_bin=$(find_pg_bin)
if [ -z "$pg_bin" ]; then
    echo "postgres.sh: installing Debian's postgresql" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    pg_bin=$(find_pg_bin)
fi

# initdb refuses to run as root: run the server as the package's postgres user (or nobody).
as_user=()
if [ "$(id -u)" = 0 ]; then
    owner=$(id -u postgres >/dev/null 2>&1 && echo postgres || echo nobody)
    as_user=(runuser -u "$owner" --)
else
    owner=$(id -un)
fi

work=$(mktemp -d /tmp/storyline-pg.XXXXXX)
chown "$owner" "$work"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

stop_server() {
    "${as_user[@]}" "$pg_bin/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap stop_server EXIT

"${as_user[@]}" "$pg_bin/initdb" -D "$work/data" -U storyline --auth=trust -E UTF8 --no-locale >/dev/null
"${as_user[@]}" "$pg_bin/pg_ctl" -D "$work/data" -l "$work/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $work -c fsync=off" start >/dev/null
export STORYLINE_TEST_POSTGRES_URL="postgresql://storyline@127.0.0.1:$port/postgres"
echo "postgres.sh: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2

status=0
"$@" || status=$?
exit "$status"
