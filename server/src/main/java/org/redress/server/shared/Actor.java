package org.redress.server.shared;

import java.util.Objects;

/** Who caused a state change: a staff member, a machine API key, the public, or the operator's tooling. */
public sealed interface Actor {

    /** The audit log's name for this kind of actor. */
    String kind();

    /** A stable, non-personal identifier of the actor within its kind. */
    String id();

    /** A signed-in staff member, by username. */
    record Staff(String username) implements Actor {
        public Staff {
            Objects.requireNonNull(username, "username");
        }

        @Override
        public String kind() {
            return "STAFF";
        }

        @Override
        public String id() {
            return username;
        }
    }

    /** A caller authenticated by an API key, by the key's id (never the key itself). */
    record ApiKey(String keyId) implements Actor {
        public ApiKey {
            Objects.requireNonNull(keyId, "keyId");
        }

        @Override
        public String kind() {
            return "API_KEY";
        }

        @Override
        public String id() {
            return keyId;
        }
    }

    /** Anyone without an account, such as a victim filing a report. */
    record Public() implements Actor {
        @Override
        public String kind() {
            return "PUBLIC";
        }

        @Override
        public String id() {
            return "-";
        }
    }

    /** The service itself or an operator's command line, named by what acted ({@code first-start}, {@code cli}). */
    record Operator(String name) implements Actor {
        public Operator {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String kind() {
            return "OPERATOR";
        }

        @Override
        public String id() {
            return name;
        }
    }
}
