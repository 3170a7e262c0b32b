#!/usr/bin/env bash
# A single-node Slurm cluster for Patron's tests: root, no systemd, everything under one folder.
#
#   Tests/Slurm/cluster.sh start [DIR]   installs slurm-wlm and munge if missing (Debian), writes
#                                        DIR/slurm.conf, starts munged, slurmctld and slurmd, and
#                                        waits until the node is idle. Clients need
#                                        SLURM_CONF=DIR/slurm.conf (printed at the end).
#   Tests/Slurm/cluster.sh stop [DIR]    stops the three daemons by their pid files.
#
# DIR defaults to /tmp/patron-slurm. The settings are the ones a one-node test cluster needs:
# no cgroups or accounting, and a scheduler that looks at the queue every second (the defaults
# add 2-3 s per dependency hop).
set -euo pipefail
command=${1:-}
dir=$(realpath -m "${2:-/tmp/patron-slurm}")

stop() {
    for pidfile in "$dir/slurmd.pid" "$dir/slurmctld.pid" "$dir/munge/munged.pid"; do
        if [ -s "$pidfile" ]; then kill "$(cat "$pidfile" 2>/dev/null)" 2>/dev/null || true; fi
    done
    for pidfile in "$dir/slurmd.pid" "$dir/slurmctld.pid" "$dir/munge/munged.pid"; do
        for _ in $(seq 50); do
            [ -s "$pidfile" ] && kill -0 "$(cat "$pidfile" 2>/dev/null)" 2>/dev/null || break
            sleep 0.1
        done
        rm -f "$pidfile"
    done
}

case "$command" in
start)
    if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
        echo "installing slurm-wlm and munge (Debian packages)" >&2
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
    fi
    [ "$(id -u)" = 0 ] || { echo "cluster.sh: start the test cluster as root" >&2; exit 2; }
    stop
    mkdir -p "$dir/state" "$dir/spool" "$dir/munge"
    # munged refuses a socket folder others cannot traverse.
    chmod 755 "$dir" "$dir/munge"
    chown munge:munge "$dir/munge"
    rm -f "$dir/munge/munge.key"
    mungekey --create --keyfile="$dir/munge/munge.key" >/dev/null
    chown munge:munge "$dir/munge/munge.key"
    chmod 600 "$dir/munge/munge.key"
    runuser -u munge -- munged --socket="$dir/munge/munge.socket" --key-file="$dir/munge/munge.key" \
        --pid-file="$dir/munge/munged.pid" --log-file="$dir/munge/munged.log" --seed-file="$dir/munge/munged.seed"
    host=$(hostname -s)
    # Not Slurm's default ports (6817, 6818): a machine that is also a real cluster's node
    # keeps its own daemons. PATRON_SLURM_PORT moves them (two test clusters on one machine).
    ctld_port=${PATRON_SLURM_PORT:-16817}
    cat >"$dir/slurm.conf" <<CONF
ClusterName=patron-test
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$((ctld_port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge/munge.socket
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerParameters=batch_sched_delay=0,sched_interval=1
MinJobAge=3600
ReturnToService=2
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
    export SLURM_CONF="$dir/slurm.conf"
    slurmctld -c
    slurmd
    for _ in $(seq 100); do
        if [ "$(sinfo -h -o %T 2>/dev/null | head -1)" = idle ]; then
            echo "export SLURM_CONF=$dir/slurm.conf"
            exit 0
        fi
        sleep 0.1
    done
    echo "cluster.sh: the node did not become idle in 10 s; see $dir/slurmctld.log and $dir/slurmd.log" >&2
    sinfo >&2 || true
    exit 1
    ;;
stop) stop ;;
*)
    echo "usage: Tests/Slurm/cluster.sh start|stop [DIR]" >&2
    exit 2
    ;;
esac
