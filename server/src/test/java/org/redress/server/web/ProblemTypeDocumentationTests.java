package org.redress.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redress.server.shared.DomainException;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/** Every problem type the code can answer with is documented in docs/problems.md. */
class ProblemTypeDocumentationTests {

    private static String documentation() throws Exception {
        return Files.readString(Path.of(System.getProperty("redress.docs", "../docs"), "problems.md"));
    }

    private static List<URI> domainTypes() throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(DomainException.class));
        List<URI> types = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("org.redress.server")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            boolean testFixture = type.getEnclosingClass() != null
                    && type.getEnclosingClass().getSimpleName().endsWith("Tests");
            if (type == DomainException.class || Modifier.isAbstract(type.getModifiers()) || testFixture) {
                continue;
            }
            var field = type.getField("TYPE");
            assertThat(Modifier.isStatic(field.getModifiers()))
                    .as(type + ".TYPE is static")
                    .isTrue();
            types.add((URI) field.get(null));
        }
        return types;
    }

    @Test
    void documentsEveryDomainExceptionType() throws Exception {
        var types = domainTypes();
        assertThat(types).hasSizeGreaterThanOrEqualTo(4);
        String docs = documentation();
        assertThat(types).allSatisfy(type -> assertThat(docs).contains("`" + type + "`"));
    }

    @Test
    void documentsEveryServiceWideType() throws Exception {
        String docs = documentation();
        assertThat(ProblemTypes.ALL).allSatisfy(type -> assertThat(docs).contains("`" + type + "`"));
    }

    @Test
    void givesEveryStatusATypeAndAFixedSentence() {
        for (int status = 400; status < 600; status++) {
            var code = org.springframework.http.HttpStatusCode.valueOf(status);
            assertThat(ProblemTypes.ALL).contains(ProblemTypes.forStatus(code));
            assertThat(ProblemTypes.detailFor(code)).endsWith(".");
        }
    }
}
