package io.upright.testsupport.http;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The one request specification the services' tests share: JSON in and out, with or without a bearer token, so a
 * test says who calls and what, not how.
 */
public final class Api {

    private Api() {
    }

    /** A JSON request as the holder of {@code token}. */
    public static RequestSpecification as(String token) {
        return RestAssured.given().spec(json()).auth().oauth2(token);
    }

    /** A JSON request without a token. */
    public static RequestSpecification anonymous() {
        return RestAssured.given().spec(json());
    }

    private static RequestSpecification json() {
        return new RequestSpecBuilder()
                .setContentType(ContentType.JSON)
                .setAccept("application/json, application/problem+json")
                .build();
    }
}
