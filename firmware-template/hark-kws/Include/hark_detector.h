/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark keyword spotting: the detector, which turns the network's keyword score, one per step, into detections.
 *
 * A keyword score is how far the keyword's logit stands above the strongest other class's, in 1/16 nat, plus 128,
 * clamped to 0 to 255: for two classes the keyword's log-odds, 128 being probability 0.5 and 255 about 0.9996.
 * hark_keyword_score() computes it from a step's int8 logits (the softmax's int8 probability is too coarse at the
 * top: its last codes stand for everything above 0.996, where the strongest negatives and most keywords both are).
 *
 * The detector keeps the last `smoothing_steps` scores (those before the stream began count as 0) and fires when
 * their sum reaches `threshold * smoothing_steps`, i.e. when their mean reaches the threshold, compared exactly
 * without a division. After a detection it stays silent for `refractory_steps` steps. Integer only; the Java
 * simulator's KeywordScore and Detector do the same steps, so the firmware's detections can be compared with it one
 * for one.
 */

#ifndef HARK_DETECTOR_H
#define HARK_DETECTOR_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The largest smoothing window; a detector reserves this many scores. */
#define HARK_DETECTOR_MAX_SMOOTHING_STEPS 64

/** The keyword score of even odds: the keyword's logit equal to the strongest other's. */
#define HARK_KEYWORD_SCORE_EVEN 128

/** How a step's int8 logits become its keyword score; a streaming network's hark_network.h gives the values. */
typedef struct
{
    int32_t classes;       /**< logits per step, at least 2 */
    int32_t keyword_class; /**< the keyword's index among them */
    int32_t multiplier;    /**< one logit code in score steps (the logits' scale x 16), for arm_nn_requantize */
    int32_t shift;         /**< its shift, for arm_nn_requantize */
} hark_keyword_score_params;

/** How keyword scores become detections. */
typedef struct
{
    int32_t smoothing_steps;  /**< scores averaged, 1 to HARK_DETECTOR_MAX_SMOOTHING_STEPS */
    int32_t threshold;        /**< the mean score that fires, 1 to 255 (128 is even odds, probability 0.5) */
    int32_t refractory_steps; /**< steps after a detection in which no other fires, >= 0 */
} hark_detector_settings;

/** A detector's state; owned by the caller, set up by hark_detector_init(). */
typedef struct
{
    hark_detector_settings settings;
    uint8_t history[HARK_DETECTOR_MAX_SMOOTHING_STEPS]; /* the last scores, a ring of smoothing_steps */
    int32_t next_slot;                                  /* where the next score goes */
    int32_t sum;                                        /* sum of the ring */
    uint32_t step;                                      /* steps taken since init */
    uint32_t quiet_until;                               /* first step that may fire again */
} hark_detector;

/** One detection. */
typedef struct
{
    uint32_t step; /**< the step whose score brought the mean to the threshold, 0 = the first */
    int32_t score; /**< the mean score then, rounded down, 0 to 255 */
} hark_detection;

/**
 * @brief The keyword score of one step: 128 plus the keyword's logit minus the largest other logit (int8 codes,
 *        whose zero points cancel), scaled to 1/16 nat by arm_nn_requantize, clamped to 0 to 255.
 *
 * @param[in] logits params->classes int8 logits of one step
 * @param[in] params from the network's HARK_KEYWORD_SCORE_PARAMS
 *
 * @return the score
 */
int32_t hark_keyword_score(const int8_t *logits, const hark_keyword_score_params *params);

/**
 * @brief Starts a detector with no scores seen.
 *
 * @return 0, or -1 (the detector untouched) for a NULL pointer or settings outside their ranges.
 */
int32_t hark_detector_init(hark_detector *detector, const hark_detector_settings *settings);

/**
 * @brief Takes the next step's keyword score.
 *
 * @param[in, out] detector  an initialised detector
 * @param[in]      score     the step's keyword score, 0 to 255
 * @param[out]     detection filled when the step fires
 *
 * @return 1 when the step fires, 0 when it does not, -1 for a NULL pointer or a score outside 0 to 255.
 */
int32_t hark_detector_push(hark_detector *detector, int32_t score, hark_detection *detection);

#ifdef __cplusplus
}
#endif

#endif /* HARK_DETECTOR_H */
