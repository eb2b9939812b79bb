package io.upright.assessments.template;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a question is answered; the JSON names are the ones the template files and the API use. */
public enum AnswerType {
    @JsonProperty("boolean")
    BOOLEAN,
    @JsonProperty("single-choice")
    SINGLE_CHOICE,
    @JsonProperty("integer-range")
    INTEGER_RANGE
}
