package org.xorlab.app;

/** The commands the transport shortcuts (Space, arrows, R) send to whichever view is showing. */
interface Transport {
    void togglePlay();

    void stepUpdate();

    void stepEpochs(long count);

    void reset();
}
