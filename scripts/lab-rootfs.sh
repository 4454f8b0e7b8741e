#!/usr/bin/env bash
# Builds (once) and caches the Debian root filesystems the desktop lab boots with systemd-nspawn
# (tests/lab/desktops/): a bookworm system from Debian's own packages, made with debootstrap.
#
#   bash scripts/lab-rootfs.sh              build every variant that is missing
#   bash scripts/lab-rootfs.sh VARIANT...   build those if missing; print "VARIANT PATH" for each
#
# Variants (resolvconf and systemd-resolved conflict as packages, so one rootfs cannot hold all stacks):
#   resolved-nm  systemd-resolved + NetworkManager (also boots as "resolved alone", NetworkManager masked,
#                systemd-networkd configuring the link)
#   nm           NetworkManager writing /etc/resolv.conf itself (no systemd-resolved installed)
#   resolvconf   resolvconf, with ifupdown and dhclient configuring the link
#
# Cache: $NETMEND_LAB_CACHE (default /var/cache/netmend-lab), outside the repository, shared by every
# checkout on the machine. A rootfs lives in rootfs/VARIANT-HASH, HASH covering the suite, the mirror and
# the package list, so changing the list builds a new one. Older ones are left alone (another checkout may
# still boot them); remove what you no longer need with rm -rf (about 300 MB each). Builds take a lock,
# happen in a temporary folder and are renamed into place when complete: a build killed half-way is never
# used, and the next run removes what it left. Downloaded packages are kept in debs/ for the next build.
# Exit 0: every asked-for rootfs exists. Non-zero: one line on stderr saying why not.
set -euo pipefail

SUITE=bookworm
MIRROR=http://deb.debian.org/debian
CACHE="${NETMEND_LAB_CACHE:-/var/cache/netmend-lab}"
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

# What every desktop has: systemd as PID 1 with D-Bus and logind's PAM module, and the tools a user has.
COMMON=(systemd systemd-sysv dbus libpam-systemd iproute2 iputils-ping)

packages_of() {
  case "$1" in
    resolved-nm) echo "${COMMON[*]} systemd-resolved network-manager" ;;
    nm) echo "${COMMON[*]} network-manager" ;;
    resolvconf) echo "${COMMON[*]} resolvconf ifupdown isc-dhcp-client" ;;
    *) return 1 ;;
  esac
}
ALL_VARIANTS=(resolved-nm nm resolvconf)

fail() {
  echo "lab-rootfs: $*" >&2
  exit 1
}

# debootstrap mounts /proc and /sys inside the tree it builds; a killed build leaves them behind.
unmount_under() {
  local mountpoint
  awk -v prefix="$1/" 'index($2, prefix) == 1 { print $2 }' /proc/self/mounts | sort -r | while read -r mountpoint; do
    umount -l "$mountpoint" || true
  done
}

remove_tree() {
  unmount_under "$1"
  rm -rf --one-file-system "$1"
}

# Bump when finish_tree changes what a rootfs holds.
RECIPE=1

key_of() {
  printf '%s\n' "$SUITE" "$MIRROR" "$(packages_of "$1")" "$RECIPE" | sha256sum | cut -c1-16
}

# debootstrap copies this machine's resolv.conf and hostname into the tree for apt's sake: the lab must
# see neither (a stack without systemd-resolved keeps a plain file until its network stack rewrites it).
finish_tree() {
  if [ ! -L "$1/etc/resolv.conf" ]; then
    printf '# NetMend lab rootfs: no DNS server until the network stack writes one\n' >"$1/etc/resolv.conf"
  fi
  echo netmend-lab >"$1/etc/hostname"
  # The package cache lives in $CACHE/debs already; apt's copy would only double the size.
  rm -f "$1/var/cache/apt/archives/"*.deb
}

path_of() {
  echo "$CACHE/rootfs/$1-$(key_of "$1")"
}

build() {
  local variant="$1" target packages work log started
  target="$(path_of "$variant")"
  [ -x "$target/usr/lib/systemd/systemd" ] && return 0
  packages="$(packages_of "$variant")"
  work="$CACHE/rootfs/.building-$variant-$$"
  log="$CACHE/logs/$variant-$(date +%Y%m%d-%H%M%S).log"
  started=$SECONDS
  echo "lab-rootfs: building $variant ($SUITE from $MIRROR: ${packages// /, }) — once per package list" >&2
  # minbase: no priority-important extras; debootstrap installs no Recommends, like --no-install-recommends.
  if ! debootstrap --variant=minbase --include="${packages// /,}" --cache-dir="$CACHE/debs" \
    "$SUITE" "$work" "$MIRROR" >"$log" 2>&1; then
    remove_tree "$work"
    fail "debootstrap of $variant failed (log: $log)"
  fi
  finish_tree "$work"
  mv -T "$work" "$target"
  echo "lab-rootfs: built $variant in $((SECONDS - started)) s: $target" >&2
}

if [ "$(uname -s)" != "Linux" ] || [ "$(id -u)" != "0" ]; then
  fail "needs Linux and root (debootstrap)"
fi
command -v debootstrap >/dev/null 2>&1 || fail "debootstrap is missing (run: bash scripts/lab-deps.sh)"

variants=("$@")
[ ${#variants[@]} -eq 0 ] && variants=("${ALL_VARIANTS[@]}")
for variant in "${variants[@]}"; do
  packages_of "$variant" >/dev/null || fail "unknown variant $variant (known: ${ALL_VARIANTS[*]})"
done

print_paths() {
  if [ $# -eq 0 ]; then
    echo "lab-rootfs: ${variants[*]} cached in $CACHE/rootfs" >&2
    return
  fi
  for variant in "${variants[@]}"; do
    echo "$variant $(path_of "$variant")"
  done
}

missing=()
for variant in "${variants[@]}"; do
  [ -x "$(path_of "$variant")/usr/lib/systemd/systemd" ] || missing+=("$variant")
done
# Finished trees are only ever renamed into place, so a present one needs no lock.
if [ ${#missing[@]} -eq 0 ]; then
  print_paths "$@"
  exit 0
fi

mkdir -p "$CACHE/rootfs" "$CACHE/debs" "$CACHE/logs"
exec 9>"$CACHE/.lock"
# Another checkout may be building the same rootfs right now: wait for it (a build takes minutes).
flock -w 1800 9 || fail "another build still holds $CACHE/.lock after 30 minutes"
# Holding the lock, every unfinished build folder is one whose builder died.
for stale in "$CACHE/rootfs/.building-"*; do
  if [ -e "$stale" ]; then remove_tree "$stale"; fi
done
for variant in "${missing[@]}"; do
  build "$variant"
done
print_paths "$@"
