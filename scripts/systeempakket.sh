#!/bin/sh
# Make sure a program from a Debian package is there: scripts/systeempakket.sh <program> <package> <name>
# Missing, on Debian or Ubuntu, as root or with sudo that asks no password: install it and say
# so (as .ci/run does). Otherwise: say in Dutch what is missing and how to install it, and fail.
set -eu
program=$1 package=$2 name=$3
command -v "$program" >/dev/null 2>&1 && exit 0
if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then sudo=""
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo"
  else sudo="-"
  fi
  if [ "$sudo" != "-" ]; then
    echo "$name ontbreekt: het pakket $package wordt nu geïnstalleerd (apt-get install $package)."
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -q >/dev/null
    $sudo apt-get install -y -q --no-install-recommends "$package" >/dev/null
    command -v "$program" >/dev/null 2>&1 && exit 0
  fi
fi
echo "$name ontbreekt: installeer het met 'sudo apt-get install $package' en probeer opnieuw."
exit 1
