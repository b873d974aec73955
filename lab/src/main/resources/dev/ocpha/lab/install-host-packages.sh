#!/bin/sh
# Installs the Debian packages the lab needs when they are missing: the real OpenSSH server its hosts run, rpm
# (rpmbuild builds the lab's OceanBase RPMs; its rpm is the hosts' rpm) and iproute2 (each host's network namespace
# on the lab bridge).
# Run as root on Debian/Ubuntu; elsewhere it stops and names what to install. Services are not started:
# the lab starts its own daemons inside each host, never one on the machine.
set -eu
missing=""
command -v /usr/sbin/sshd >/dev/null 2>&1 || missing="$missing openssh-server"
command -v rpmbuild >/dev/null 2>&1 || missing="$missing rpm"
command -v ip >/dev/null 2>&1 || missing="$missing iproute2"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "the lab needs these Debian packages:$missing (install them as root: apt-get install$missing)" >&2
  exit 1
fi
exec 9>/tmp/ocpha-lab-packages.lock
flock 9
# keep the package's own service from starting on the machine (policy-rc.d: 101 = action not allowed)
cleanup=""
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
  chmod 755 /usr/sbin/policy-rc.d
  cleanup=/usr/sbin/policy-rc.d
fi
trap '[ -z "$cleanup" ] || rm -f "$cleanup"' EXIT
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing >/dev/null 2>&1 \
  || { apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends $missing >/dev/null; }
