package io.upright.assessments.scoring;

public enum RiskLevel {
    LOW, MODERATE, HIGH
}
