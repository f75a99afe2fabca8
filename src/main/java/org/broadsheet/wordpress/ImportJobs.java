package org.broadsheet.wordpress;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.broadsheet.wordpress.WordPressImports.Job;
import org.broadsheet.wordpress.WordPressImports.State;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The newsroom's WordPress import jobs in PostgreSQL ({@code wordpress_import_job}, V16), so that
 * any node can show any job. Times are the database's, so nodes whose clocks differ agree on
 * which job has gone silent. A waiting or running job not touched for {@link #SILENT_SECONDS}
 * is read as {@link State#STOPPED}: the node running it stopped without saying so.
 */
@Component
record ImportJobs(JdbcClient jdbc) {

    static final int SILENT_SECONDS = 60;

    static final String UNFINISHED = "state in ('WAITING', 'RUNNING')";

    private static final String COLUMNS = "id, filename, dry_run, state, progress, report, started_at, finished_at,"
            + " node, " + UNFINISHED + " and updated_at < now() - make_interval(secs => " + SILENT_SECONDS
            + ") as silent";

    Job add(String id, String filename, boolean dryRun, String node) {
        return jdbc.sql("insert into wordpress_import_job (id, filename, dry_run, state, node)"
                        + " values (:id, :filename, :dryRun, 'WAITING', :node) returning " + COLUMNS)
                .param("id", id)
                .param("filename", filename)
                .param("dryRun", dryRun)
                .param("node", node)
                .query(ImportJobs::job)
                .single();
    }

    void running(String id, String progress) {
        jdbc.sql("update wordpress_import_job set state = 'RUNNING', progress = ?, updated_at = now() where id = ?")
                .params(progress, id)
                .update();
    }

    /** The progress line of a job still running (a job that ended keeps its end). */
    void progress(String id, String progress) {
        jdbc.sql("update wordpress_import_job set progress = ?, updated_at = now() where id = ? and state = 'RUNNING'")
                .params(progress, id)
                .update();
    }

    /** Tells every node that this node's waiting and running jobs are alive. */
    void heartbeat(String node) {
        jdbc.sql("update wordpress_import_job set updated_at = now() where node = ? and " + UNFINISHED)
                .param(node)
                .update();
    }

    void finish(String id, State state, String report) {
        jdbc.sql("update wordpress_import_job set state = ?, progress = '', report = ?, finished_at = now(),"
                        + " updated_at = now() where id = ?")
                .params(state.name(), report, id)
                .update();
    }

    /** Marks this node's waiting and running jobs stopped, with {@code report}; returns how many. */
    int stopAll(String node, String report) {
        return jdbc.sql("update wordpress_import_job set state = 'STOPPED', progress = '', report = ?,"
                        + " finished_at = now(), updated_at = now() where node = ? and " + UNFINISHED)
                .params(report, node)
                .update();
    }

    Optional<Job> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from wordpress_import_job where id = ?")
                .param(id)
                .query(ImportJobs::job)
                .optional();
    }

    /** The newest {@code limit} jobs of every node, newest first. */
    List<Job> recent(int limit) {
        return jdbc.sql("select " + COLUMNS + " from wordpress_import_job order by started_at desc, id limit ?")
                .param(limit)
                .query(ImportJobs::job)
                .list();
    }

    /** Forgets all but the newest {@code kept} jobs, never one that is still waiting or running. */
    void prune(int kept) {
        jdbc.sql("delete from wordpress_import_job where id not in (select id from wordpress_import_job"
                        + " order by started_at desc, id limit ?) and not (" + UNFINISHED
                        + " and updated_at >= now() - make_interval(secs => " + SILENT_SECONDS + "))")
                .param(kept)
                .update();
    }

    private static Job job(ResultSet row, int n) throws SQLException {
        OffsetDateTime finished = row.getObject("finished_at", OffsetDateTime.class);
        boolean silent = row.getBoolean("silent");
        String node = row.getString("node");
        return new Job(
                row.getString("id"),
                row.getString("filename"),
                row.getBoolean("dry_run"),
                silent ? State.STOPPED : State.valueOf(row.getString("state")),
                silent ? "" : row.getString("progress"),
                silent ? WordPressImports.silentReport(node) : row.getString("report"),
                row.getObject("started_at", OffsetDateTime.class).toInstant(),
                finished == null ? null : finished.toInstant(),
                node);
    }
}
