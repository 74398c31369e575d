#!/usr/bin/env bash
# Starts a private Docker engine for the simulator's Docker backend tests, once per machine; idempotent.
#
# The engine runs on its own socket and data root, with no bridge, no iptables and no masquerading: containers use
# the host's network (loopback only) and images are built locally, never pulled.
#
# Use it either way:
#   source .ci/docker-engine.sh      # exports DOCKER_HOST (and WHISK_DOCKER_HOST) into the calling shell
#   eval "$(bash .ci/docker-engine.sh --print-env)"
# When the engine cannot be started, it says why on stderr, leaves DOCKER_HOST unset and returns 0 (sourced) so the
# Docker tests skip; set WHISK_DOCKER_REQUIRED=1 to make that a failure instead.

_whisk_docker_main() {
  local root=/run/whisk-docker
  local sock="$root/docker.sock"
  local data_root=/var/lib/whisk-docker
  local log="$data_root/dockerd.log"
  local host="unix://$sock"

  _wd_say() { echo "docker-engine: $*" >&2; }
  _wd_answers() { docker -H "$host" version >/dev/null 2>&1; }
  # Starts dockerd with a storage driver and waits up to 30 s for it to answer; stops it again if it never does.
  _wd_start() {
    local driver=$1 i pid
    _wd_say "starting dockerd ($driver) on $sock, log $log"
    # setsid: the engine outlives this shell and is not in the caller's process group.
    setsid dockerd \
      -H "$host" \
      --data-root "$data_root" \
      --exec-root "$root/exec" \
      --pidfile "$root/docker.pid" \
      --bridge=none --iptables=false --ip6tables=false --ip-masq=false \
      --storage-driver="$driver" \
      >>"$log" 2>&1 </dev/null &
    pid=$!
    for i in $(seq 1 60); do
      if _wd_answers; then
        echo "$driver" >"$data_root/storage-driver"
        return 0
      fi
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    _wd_say "the engine did not answer; the end of $log:"
    tail -n 20 "$log" >&2
    kill "$pid" 2>/dev/null
    return 1
  }

  if ! command -v dockerd >/dev/null 2>&1 || ! command -v docker >/dev/null 2>&1; then
    if [ "$(id -u)" != 0 ]; then _wd_say "dockerd is missing and this is not root"; return 1; fi
    _wd_say "installing Debian's docker.io"
    if [ -z "${APT_UPDATED:-}" ]; then apt-get update -qq >&2 || return 1; APT_UPDATED=1; fi
    # The package's own service would start a default engine (bridge, iptables): keep it from starting.
    local own_policy=""
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && own_policy=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker.io >/dev/null
    local rc=$?
    [ -n "$own_policy" ] && rm -f /usr/sbin/policy-rc.d
    [ $rc = 0 ] || return 1
  fi

  if ! _wd_answers; then
    if [ "$(id -u)" != 0 ]; then _wd_say "the engine at $host does not answer and this is not root"; return 1; fi
    mkdir -p "$root" "$root/exec" "$data_root"
    # A stale pid file from a killed engine keeps a new one from starting.
    if [ -f "$root/docker.pid" ] && ! kill -0 "$(cat "$root/docker.pid")" 2>/dev/null; then rm -f "$root/docker.pid"; fi
    # overlayfs inside this kind of sandbox may not mount: try it, fall back to vfs (slower, copies layers).
    local driver="${WHISK_DOCKER_STORAGE_DRIVER:-}"
    if [ -z "$driver" ]; then
      if [ -f "$data_root/storage-driver" ]; then
        driver=$(cat "$data_root/storage-driver")
      elif _wd_overlay_works "$data_root"; then
        driver=overlay2
      else
        driver=vfs
      fi
    fi
    if ! _wd_start "$driver" && [ -z "${WHISK_DOCKER_STORAGE_DRIVER:-}" ] && [ "$driver" != vfs ]; then
      _wd_say "retrying with the vfs storage driver"
      _wd_start vfs || return 1
    elif ! _wd_answers; then
      return 1
    fi
  fi
  export DOCKER_HOST="$host"
  export WHISK_DOCKER_HOST="$host"
  _wd_say "engine ready at $host"
  return 0
}

# Whether an overlay mount works on a directory of the data root's file system.
_wd_overlay_works() {
  local probe
  probe=$(mktemp -d "$1/overlay-probe.XXXXXX") || return 1
  mkdir -p "$probe/l" "$probe/u" "$probe/w" "$probe/m"
  local ok=1
  if mount -t overlay overlay -o "lowerdir=$probe/l,upperdir=$probe/u,workdir=$probe/w" "$probe/m" 2>/dev/null; then
    ok=0
    umount "$probe/m"
  fi
  rm -rf "$probe"
  return $ok
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  # Sourced: export into the caller; never end the caller's shell.
  _wd_status=0
  if ! _whisk_docker_main; then
    echo "docker-engine: no engine; the Docker backend tests will be skipped" >&2
    unset DOCKER_HOST WHISK_DOCKER_HOST
    if [ -n "${WHISK_DOCKER_REQUIRED:-}" ]; then _wd_status=1; fi
  fi
  unset -f _whisk_docker_main _wd_overlay_works _wd_say _wd_answers _wd_start
  return $_wd_status
else
  set -uo pipefail
  if ! _whisk_docker_main; then
    [ -n "${WHISK_DOCKER_REQUIRED:-}" ] && exit 1
    exit 0
  fi
  if [ "${1:-}" = "--print-env" ]; then
    echo "export DOCKER_HOST=$DOCKER_HOST"
    echo "export WHISK_DOCKER_HOST=$WHISK_DOCKER_HOST"
  fi
fi
