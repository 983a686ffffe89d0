#!/bin/bash
# Submits a sharded caresim run: the shards as one array job, and the merge as a job that
# starts once every shard has succeeded.
#
#   SHARDS=8 examples/slurm/submit.sh scenario.yaml --reps 800 [caresim run options]
#
# Prints the two job ids. If a shard fails or is cancelled the merge job is cancelled too
# (--kill-on-invalid-dep); rerun that shard with
#   sbatch --array=<i> --export=ALL,SHARDS=<N> caresim-shards.sbatch <same arguments>
# (it resumes from its journal), then submit caresim-merge.sbatch.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
shards=${SHARDS:-4}
[ "$#" -ge 1 ] || { echo "usage: SHARDS=N $0 SCENARIO [caresim run options]" >&2; exit 2; }

array=$(sbatch --parsable --array="0-$((shards - 1))" --export="ALL,SHARDS=$shards" \
  "$here/caresim-shards.sbatch" "$@")
array=${array%%;*} # --parsable prints "id" or "id;cluster"
merge=$(sbatch --parsable --dependency="afterok:$array" --kill-on-invalid-dep=yes \
  --export="ALL,SHARDS=$shards" "$here/caresim-merge.sbatch")
merge=${merge%%;*}
echo "shards: job $array (array 0-$((shards - 1))); merge: job $merge"
