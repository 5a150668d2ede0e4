package dev.polyshop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test a fresh {@link Browser}. After the test, pass or fail, it saves a screenshot of the last page
 * as a build artifact ({@code target/screenshots/<class>.<method>.png}), closes the browser, and fails the test
 * if any page logged a JavaScript error.
 */
final class BrowserExtension implements ParameterResolver, AfterEachCallback {

    /** Shows the test's pages on a phone-sized screen (390 × 844). */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface PhoneScreen {
    }

    static final Path SCREENSHOTS = Path.of(System.getProperty("polyshop.screenshot-dir", "target/screenshots"));

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            BrowserExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        boolean phone = context.getRequiredTestMethod().isAnnotationPresent(PhoneScreen.class);
        Browser browser = Browser.start(phone ? Browser.Screen.PHONE : Browser.Screen.DESKTOP);
        context.getStore(NAMESPACE).put(context.getUniqueId(), browser);
        return browser;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Browser browser = context.getStore(NAMESPACE).remove(context.getUniqueId(), Browser.class);
        if (browser == null) {
            return;
        }
        List<String> errors;
        try {
            browser.screenshot(SCREENSHOTS.resolve(
                    context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName()
                            + ".png"));
            errors = browser.javaScriptErrors();
        } finally {
            browser.close();
        }
        assertThat(errors).as("JavaScript errors logged by the pages of this test").isEmpty();
    }
}
