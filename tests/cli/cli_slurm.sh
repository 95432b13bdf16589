#!/usr/bin/env bash
# cli_slurm.sh — the README's Slurm array job, run for real: a one-node Slurm (munged,
# slurmctld, slurmd on localhost, private ports and folders) started by the test runs
# `disrupt batch --shard $SLURM_ARRAY_TASK_ID/4` as `sbatch --array=0-3`, and the merged shards
# must be byte for byte one run over everything. The daemons run as root, so the test needs
# root (make test installs Debian's slurmctld, slurmd, slurm-client and munge as root);
# otherwise it says so and is skipped (exit 77).
# Usage: cli_slurm.sh DISRUPT_BIN SOURCE_DIR
set -u
bin=$1
if [ "$(id -u)" -ne 0 ]; then
    echo "SKIP: the Slurm daemons of this test need root"
    exit 77
fi
for tool in munged slurmctld slurmd sbatch sinfo; do
    if ! command -v "$tool" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$tool" ]; then
        echo "FAIL: $tool is not installed (make test installs slurmctld slurmd slurm-client munge)"
        exit 1
    fi
done
PATH=$PATH:/usr/sbin
tmp=$(mktemp -d /tmp/disrupt-slurm-XXXXXX)
chmod 700 "$tmp"
stop() {
    local pids=""
    for d in slurmd slurmctld munged; do
        [ -f "$tmp/$d.pid" ] && pids="$pids $(cat "$tmp/$d.pid")"
    done
    [ -n "$pids" ] && kill $pids 2>/dev/null
    for _ in $(seq 1 20); do
        alive=""
        for p in $pids; do kill -0 "$p" 2>/dev/null && alive="$alive $p"; done
        [ -z "$alive" ] && break
        sleep 0.5
    done
    [ -n "${alive:-}" ] && kill -9 $alive 2>/dev/null
    rm -rf "$tmp"
}
trap stop EXIT
fails=0 passes=0
check() { # check NAME CONDITION...
    local name=$1; shift
    if "$@"; then passes=$((passes + 1)); else fails=$((fails + 1)); echo "FAIL: $name"; fi
}

# SYNTHETIC input: 40 entities of 20 days of hourly traffic, every fourth one shut down.
awk 'BEGIN { print "# synthetic: made up for the Slurm test"; print "timestamp,entity,signal,value"
  for (k = 0; k < 40; k++) for (h = 0; h < 480; h++) {
    v = 1000 * (1 + 0.3 * sin(6.2831853 * h / 24)) * (1 + 0.02 * ((h * 7919 + k * 104729) % 11 - 5))
    if (k % 4 == 0 && h >= 300 && h < 330) v *= 0.02
    printf "%d,NET%02d,traffic,%.2f\n", 1600128000 + 3600 * h, k, v } }' >"$tmp/nets.csv"

# A private cluster: its own munge key and socket, ports 16817/16818, state in $tmp.
mkdir "$tmp/state" "$tmp/spool"
head -c 1024 /dev/urandom >"$tmp/munge.key"
chmod 400 "$tmp/munge.key"
munged --force --socket="$tmp/munge.sock" --key-file="$tmp/munge.key" \
    --pid-file="$tmp/munged.pid" --log-file="$tmp/munged.log" --seed-file="$tmp/munge.seed"
check "munged started" [ $? -eq 0 ]
cat >"$tmp/slurm.conf" <<EOF
ClusterName=disrupttest
SlurmctldHost=localhost
SlurmctldPort=16817
SlurmdPort=16818
AuthType=auth/munge
AuthInfo=socket=$tmp/munge.sock
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/slurmctld.log
SlurmdLogFile=$tmp/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MpiDefault=none
SwitchType=switch/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
NodeName=localhost CPUs=$(nproc) State=UNKNOWN
PartitionName=test Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF=$tmp/slurm.conf
slurmctld -f "$tmp/slurm.conf" && slurmd -f "$tmp/slurm.conf"
check "slurmctld and slurmd started" [ $? -eq 0 ]
up=1
for _ in $(seq 1 40); do
    sinfo -h -o %T 2>/dev/null | grep -q idle && { up=0; break; }
    sleep 0.5
done
check "the node is idle" [ $up -eq 0 ]

# The README's job script, as an analyst would write it.
cat >"$tmp/batch.sbatch" <<EOF
#!/bin/sh
#SBATCH --array=0-3
#SBATCH --cpus-per-task=1
#SBATCH --output=$tmp/job-%a.out
exec "$bin" batch --quiet --jobs "\$SLURM_CPUS_PER_TASK" --shard "\$SLURM_ARRAY_TASK_ID/4" \\
    --out "$tmp/shard-\$SLURM_ARRAY_TASK_ID" "$tmp/nets.csv"
EOF
timeout 120 sbatch --wait --quiet "$tmp/batch.sbatch"
check "sbatch --array=0-3 --wait: every task succeeded" [ $? -eq 0 ]
for s in 0 1 2 3; do
    check "task $s wrote its shard" [ -s "$tmp/shard-$s/windows.json" ]
done
"$bin" merge --out "$tmp/merged" "$tmp"/shard-* >/dev/null
check "merge exits 0" [ $? -eq 0 ]
"$bin" batch --quiet --out "$tmp/single" "$tmp/nets.csv" >/dev/null
for f in windows.json windows.csv entities.csv; do
    check "merged $f is one run's" cmp -s "$tmp/single/$f" "$tmp/merged/$f"
done
check "the shut down networks are found" [ "$(grep -c ',shutdown,' "$tmp/merged/windows.csv")" -eq 10 ]
if [ "$fails" -ne 0 ]; then
    for f in "$tmp"/job-*.out "$tmp/slurmctld.log" "$tmp/slurmd.log"; do
        [ -f "$f" ] && { echo "--- $f"; tail -20 "$f"; }
    done
fi
echo "cli_slurm: $passes passed, $fails failed"
[ "$fails" -eq 0 ]
