-- WordPress imports started from the newsroom, so that every node shows their progress and
-- report. A job runs on the node that took the upload (the file is on that node's disk); that
-- node writes its progress line at most about once a second and touches updated_at at least
-- every 15 seconds while the job waits or runs. A waiting or running job whose updated_at is
-- over a minute old belongs to a node that stopped: it is shown as stopped.
create table wordpress_import_job (
    id          text primary key,
    filename    text not null,
    dry_run     boolean not null,
    state       text not null check (state in ('WAITING', 'RUNNING', 'DONE', 'REFUSED', 'FAILED', 'STOPPED')),
    progress    text not null default '',
    report      text not null default '',
    started_at  timestamptz not null default now(),
    finished_at timestamptz,
    node        text not null,
    updated_at  timestamptz not null default now()
);
create index wordpress_import_job_started_idx on wordpress_import_job (started_at desc);
