#!/usr/bin/env bash
# Proves the README's promise "Node 20 and npm — nothing else": a clone of HEAD installs with
# the frozen lockfile under an empty HOME, with only node, npm, npx and git on the PATH (no
# python, make, cc or g++, no node headers), from an empty pnpm store, and then loads the native
# packages that must come prebuilt. It fails if the install fails, if any package compiled a
# native addon, or if the password hasher does not load.
#   scripts/check-clean-install.sh [<commit>]     # HEAD by default
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/jiefen-clean-install-XXXXXX")"
trap 'rm -rf "$work"' EXIT
started=$SECONDS

git clone --quiet --no-hardlinks "$repo" "$work/repo"
git -C "$work/repo" checkout --quiet --detach "$(git -C "$repo" rev-parse "${1:-HEAD}")"

# The only programs the install may find. `sh` is there too: package managers run lifecycle
# scripts through it, and every machine has one; it compiles nothing.
mkdir -p "$work/bin" "$work/home"
for tool in node npm npx git sh; do
  ln -s "$(readlink -f "$(command -v "$tool")")" "$work/bin/$tool"
done
for compiler in python3 python make cc gcc g++ c++ clang; do
  if [ -e "$work/bin/$compiler" ]; then echo "clean install: $compiler must not be on the PATH" >&2; exit 1; fi
done

clean_env=(env -i "HOME=$work/home" "PATH=$work/bin" "TMPDIR=$work")
# The pnpm store lives under the empty HOME: everything is fetched from the registry, nothing
# already built is reused from this machine's store.
(cd "$work/repo" && "${clean_env[@]}" node scripts/pnpm.mjs install --frozen-lockfile --store-dir "$work/home/pnpm-store")

# A compiled addon lands in build/Release (node-gyp); prebuilt ones ship inside their package.
compiled="$(cd "$work/repo" && find -L node_modules/.pnpm -path '*/build/Release/*.node' 2>/dev/null | head -5)"
if [ -n "$compiled" ]; then
  echo "clean install: native addons were compiled:" >&2
  echo "$compiled" >&2
  exit 1
fi

(cd "$work/repo/apps/api" && "${clean_env[@]}" node --input-type=module -e "
  const { hash, verify } = await import('@node-rs/argon2');
  const stored = await hash('a clean install', { memoryCost: 65536, timeCost: 3, parallelism: 4 });
  if (!(await verify(stored, 'a clean install'))) throw new Error('the hasher does not verify its own hash');
  await import('pino-pretty');
  console.log('clean install: @node-rs/argon2 hashes and verifies (' + stored.slice(0, 30) + '…), pino-pretty loads');
")
echo "clean install of $(git -C "$work/repo" rev-parse --short HEAD): passed in $((SECONDS - started)) s (clone, install from an empty store, load)"
