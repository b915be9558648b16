package org.xorlab.cli;

import java.io.IOException;
import java.io.Writer;
import org.xorlab.engine.Measure;
import org.xorlab.run.study.StudyResult;
import org.xorlab.run.study.StudyRun;
import org.xorlab.text.NumberText;

/**
 * A study's runs as CSV, one row per finished run in the grid's order: {@value #HEADER}. Numbers are written the
 * same in every locale: the learning rate as typed ({@link NumberText#plain}), the final loss in full precision
 * ({@link Double#toString(double)}, as {@link LossCsvWriter} writes losses); a count that was not reached, and the
 * final loss of a run that trained no epoch, are empty.
 */
final class StudyCsv {
    static final String HEADER = "seed,learning_rate,batch_size,optimizer,epochs,epochs_to_target,updates_to_target,"
            + "samples_to_target,final_loss,diverged";

    private StudyCsv() {
    }

    static void write(StudyResult result, Writer out) throws IOException {
        out.write(HEADER + "\n");
        StringBuilder row = new StringBuilder(96);
        for (StudyRun r : result.runs()) {
            row.setLength(0);
            row.append(r.seed()).append(',').append(NumberText.plain(r.learningRate())).append(',')
                    .append(r.batchSize()).append(',').append(r.optimizer().id()).append(',').append(r.epochs());
            for (Measure m : Measure.values()) {
                row.append(',');
                if (r.reachedTarget()) {
                    row.append(r.toTarget(m).getAsLong());
                }
            }
            row.append(',');
            if (Double.isFinite(r.finalLoss())) {
                row.append(r.finalLoss());
            }
            row.append(',').append(r.diverged()).append('\n');
            out.write(row.toString());
        }
    }
}
