package dev.hark.trainer.data;

/** The three disjoint parts of a data set: fit on TRAIN, choose models on DEV, report once on TEST. */
public enum Split {
    TRAIN, DEV, TEST
}
