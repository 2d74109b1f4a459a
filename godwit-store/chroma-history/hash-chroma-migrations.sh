#!/usr/bin/env bash
# Recomputes the table of Chroma's migration hashes, godwit-store's
# src/main/resources/io/godwit/store/chroma/chroma-migrations.tsv, from a git clone (or a bare
# snapshot) of chroma-core/chroma, without copying any of Chroma's files:
#   godwit-store/chroma-history/hash-chroma-migrations.sh /path/to/chroma/.git > godwit-store/src/main/resources/io/godwit/store/chroma/chroma-migrations.tsv
# For every release tag X.Y.Z (oldest first) it reads the migration files that release ships:
# rust/sqlite/migrations/ where it exists (Chroma 1.x runs its migrations from the Rust crate),
# else chromadb/migrations/ (the Python releases), subsystems sysdb, embeddings_queue, metadb.
# Each file is hashed as Chroma hashes it: md5 (and sha256) of its bytes. One output row per
# distinct (subsystem, version, file name, hash) with the first and last release that shipped it;
# a release line lists every release read, in order, so that a reader can tell which releases
# shipped exactly the files a history records.
set -euo pipefail
git_dir=${1:?usage: $0 CHROMA_GIT_DIR}
export GIT_DIR="$git_dir"

tags=$(git tag | grep -E '^[0-9]+\.[0-9]+\.[0-9]+$' | sort -V)
declare -A first last
order=()
previous=
releases=()
for tag in $tags; do
  root=rust/sqlite/migrations
  git cat-file -e "$tag:$root" 2>/dev/null || root=chromadb/migrations
  listing=$(git ls-tree -r "$tag" -- "$root/sysdb" "$root/embeddings_queue" "$root/metadb" 2>/dev/null | grep '\.sql$' || true)
  [ -n "$listing" ] || continue
  releases+=("$tag")
  while read -r _mode _type blob path; do
    rel=${path#"$root"/}
    dir=${rel%%/*}
    file=${rel#*/}
    version=$((10#${file%%-*}))
    md5=$(git cat-file blob "$blob" | md5sum | cut -d' ' -f1)
    sha=$(git cat-file blob "$blob" | sha256sum | cut -d' ' -f1)
    key="$dir	$version	$file	$md5	$sha"
    if [ -z "${first[$key]:-}" ]; then first[$key]=$tag; order+=("$key")
    elif [ "${last[$key]}" != "$previous" ]; then
      echo "$key left at ${last[$key]} and came back at $tag: a range cannot say that" >&2; exit 1
    fi
    last[$key]=$tag
  done <<< "$listing"
  previous=$tag
done

echo "# Chroma's migration files by release: written by godwit-store/chroma-history/hash-chroma-migrations.sh; do not edit."
echo "# Computed from chroma-core/chroma at $(git rev-parse --short HEAD)."
echo "releases	${releases[*]}"
echo "# subsystem	version	file	md5	sha256	first release	last release"
for key in "${order[@]}"; do
  echo "file	$key	${first[$key]}	${last[$key]}"
done
