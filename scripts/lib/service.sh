# Shared by scripts/postgres and scripts/search-engine, which source it after setting ROOT, RUN_USER and
# PREFERRED_PORT: where a local service keeps its state, and which port it may take.

as_root() { [ "$(id -u)" -eq 0 ]; }

# $ROOT/var/NAME, unless RUN_USER could not reach it there: a clone under /root is closed to other users,
# and Django's file cache creates var/ under umask 077 (mode 700) when the site runs before any service
# started. The check is made on the directory itself, or on its nearest existing parent, since every
# directory on the way must let the user through. Otherwise a directory of its own under /var/tmp, named
# after the work tree so that stop and status find it again.
service_state_dir() {
	local name="$1" preferred="$ROOT/var/$1" nearest
	if ! as_root || ! id "$RUN_USER" >/dev/null 2>&1; then
		echo "$preferred"
		return 0
	fi
	nearest=$preferred
	while [ ! -e "$nearest" ]; do nearest=$(dirname "$nearest"); done
	if runuser -u "$RUN_USER" -- test -x "$nearest"; then
		echo "$preferred"
	else
		echo "/var/tmp/menetelmapankki-$(printf %s "$ROOT" | sha1sum | cut -c1-12)/$name"
	fi
}

# Create the state directory open to RUN_USER on the way in (755), whatever the caller's umask.
make_state_dir() {
	(umask 022 && mkdir -p "$1")
}

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# PREFERRED_PORT when nothing listens there and this is the first try; else any port the system calls free.
# Another process may still take the port before the service binds it: callers retry on "in use".
free_port() {
	local attempt="${1:-1}"
	if [ "$attempt" -eq 1 ] && ! listening "$PREFERRED_PORT"; then
		echo "$PREFERRED_PORT"
	else
		python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
	fi
}

# How many times a start tries another port after losing a race for the one it picked.
PORT_ATTEMPTS=5
