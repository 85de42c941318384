package org.redress.server.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets MVC answer a page's refusal with a page ({@link ProblemPageConverter}). */
@Configuration(proxyBeanMethods = false)
class ProblemPageConfiguration implements WebMvcConfigurer {

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
        converters.addCustomConverter(new ProblemPageConverter());
    }
}
