package io.aipulse.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Knowledge files ({@code config/companies.csv}, ...) loaded once into immutable objects. Files in the
 * given directory win; otherwise the copies bundled in the jar under {@code /config/} are used.
 * (Placeholder: the extraction issue replaces this with the full gazetteers.)
 */
public final class Knowledge {

    private final List<Company> companies;

    private Knowledge(List<Company> companies) {
        this.companies = List.copyOf(companies);
    }

    public static Knowledge load(Path configDir) {
        List<Company> companies = new ArrayList<>();
        for (String line : readLines(configDir, "companies.csv")) {
            String[] f = line.split(",", -1);
            if (f.length >= 6 && !f[0].equals("name")) {
                companies.add(new Company(f[0], Arrays.asList(f[1].split("\\|")), f[2], f[3], f[4], f[5]));
            }
        }
        return new Knowledge(companies);
    }

    public List<Company> companies() {
        return companies;
    }

    static List<String> readLines(Path configDir, String file) {
        try {
            if (configDir != null && Files.isRegularFile(configDir.resolve(file))) {
                return Files.readAllLines(configDir.resolve(file), StandardCharsets.UTF_8);
            }
            try (InputStream in = Knowledge.class.getResourceAsStream("/config/" + file)) {
                if (in == null) {
                    return List.of();
                }
                return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read knowledge file " + file, e);
        }
    }
}
