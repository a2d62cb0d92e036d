# Sourced from the repository root by run_all.sh and measure_candidate.sh: the environment every pipeline step
# runs in (two BLAS threads, fixed hashing, the encoder read as bare text unless set) and the timed step banner.
export OPENBLAS_NUM_THREADS=2 OMP_NUM_THREADS=2 PYTHONUNBUFFERED=1 PYTHONHASHSEED=0
PY=/usr/bin/python3
export ALIGNGUARD_ENCODER="${ALIGNGUARD_ENCODER-e5-small}" ALIGNGUARD_TEXT_PREFIX="${ALIGNGUARD_TEXT_PREFIX-none}"
T0=$(date +%s)
step() { echo; echo "=== [$(( $(date +%s) - T0 ))s] $*"; }
