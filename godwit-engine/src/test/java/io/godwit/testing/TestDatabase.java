package io.godwit.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * One PostgreSQL database made for a test by {@link TestPostgres#createDatabase()}.
 *
 * @param name     the database name
 * @param url      JDBC URL of the database, without credentials
 * @param user     user to connect as
 * @param password its password ("" where the server trusts local connections)
 */
public record TestDatabase(String name, String url, String user, String password) {

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** The URL with user and password as URL parameters, as GODWIT_TEST_PG_URL takes them. */
    public String urlWithCredentials() {
        return url + (url.contains("?") ? "&" : "?")
                + "user=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    }
}
