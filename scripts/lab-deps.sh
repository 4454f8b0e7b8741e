#!/usr/bin/env bash
# Makes sure the tools the network lab (tests/lab) and the browser suites (tests/e2e, Debian's Chromium) need are present,
# including debootstrap and systemd-nspawn for the booted desktops (tests/lab/desktops; scripts/lab-rootfs.sh builds their root filesystems).
# desktop-file-validate checks the Linux desktop entry (tests/unit/packaging); tinyproxy is the proxy of tests/lab/proxies.test.ts, faketime sets a wrong clock in tests/lab/clock.test.ts.
# Installs them with apt-get when missing and we are root on Debian; otherwise explains what is missing.
# Exit 0: everything present afterwards. Non-zero: one line saying why not.
set -u

TOOLS=(ip nft dnsmasq nginx dig curl ping openssl tinyproxy faketime chromium debootstrap systemd-nspawn desktop-file-validate)
PACKAGES=(iproute2 nftables dnsmasq-base nginx-light dnsutils curl iputils-ping openssl tinyproxy faketime chromium fonts-dejavu-core debootstrap systemd-container desktop-file-utils)

# Root's tools live in sbin, which may not be on a non-login PATH.
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

missing_tools() {
  local t out=()
  for t in "${TOOLS[@]}"; do
    command -v "$t" >/dev/null 2>&1 || out+=("$t")
  done
  echo "${out[*]:-}"
}

missing="$(missing_tools)"
if [ -z "$missing" ]; then
  echo "lab-deps: all lab tools present (${TOOLS[*]})"
  exit 0
fi

if [ "$(id -u)" != "0" ]; then
  echo "lab-deps: missing $missing and not root, cannot install" >&2
  exit 1
fi
if [ ! -r /etc/debian_version ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "lab-deps: missing $missing and this is not Debian with apt-get, cannot install" >&2
  exit 1
fi

log="$(mktemp -t lab-deps.XXXXXX)"
if ! apt-get update >"$log" 2>&1; then
  echo "lab-deps: apt-get update failed (missing $missing; log: $log)" >&2
  exit 1
fi
if ! DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${PACKAGES[@]}" >>"$log" 2>&1; then
  echo "lab-deps: apt-get install failed (missing $missing; log: $log)" >&2
  exit 1
fi

still="$(missing_tools)"
if [ -n "$still" ]; then
  echo "lab-deps: installed packages for $missing but still missing $still (log: $log)" >&2
  exit 1
fi
rm -f "$log"
echo "lab-deps: installed missing lab tools ($missing) with apt-get"
exit 0
