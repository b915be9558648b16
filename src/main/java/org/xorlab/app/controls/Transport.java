package org.xorlab.app.controls;

/** The commands the transport shortcuts (Space, arrows, R) send to whichever view is showing. */
public interface Transport {
    void togglePlay();

    void stepUpdate();

    void stepEpochs(long count);

    void reset();
}
