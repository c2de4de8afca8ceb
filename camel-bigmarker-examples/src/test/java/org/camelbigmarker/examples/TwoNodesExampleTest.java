package org.camelbigmarker.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The two-node example on a real PostgreSQL: the leader stopped half-way, every registration delivered once. */
class TwoNodesExampleTest {

    @Test
    void theSecondNodeDeliversExactlyWhatTheFirstHadNot(@TempDir Path workDir) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            TwoNodesExample.Result result = TwoNodesExample.run(postgres.getPostgresDatabase(), workDir,
                    new PrintStream(new ByteArrayOutputStream()));

            assertThat(result.registered()).hasSize(20);
            assertThat(result.lost()).isEmpty();
            assertThat(result.deliveredTwice()).isEmpty();
            assertThat(result.deliveredByNode().get(result.firstLeader())).as("the first leader, before its stop")
                    .containsExactlyInAnyOrderElementsOf(result.registered().subList(0, 10));
            assertThat(result.deliveredByNode().values()).allSatisfy(emails -> assertThat(emails).hasSize(10));
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            result.print(new PrintStream(printed, true));
            assertThat(printed.toString()).contains("Lost: 0, delivered twice: 0");
        }
    }
}
