package dev.burnrate.plugins.checker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads every class of a plugin archive (nested jars included) with ASM, without loading any of it, and reports the
 * calls that end or replace the portal process. A plugin runs inside the portal's JVM; Java no longer has a
 * security manager, so these calls are refused before the plugin's first class is loaded:
 * <ul>
 * <li>{@code System.exit}, {@code Runtime.exit}, {@code Runtime.halt}: end the portal, with status 0 for exit(0),
 * so a restart-on-failure supervisor does not even bring it back;</li>
 * <li>{@code Runtime.exec}, {@code ProcessBuilder.start}/{@code startPipeline}: a child process can kill its
 * parent, and a price catalog has no reason to run programs;</li>
 * <li>{@code ProcessHandle.destroy}/{@code destroyForcibly}: kill other processes, e.g. the portal's
 * supervisor;</li>
 * <li>{@code Signal.raise} (sun.misc and jdk.internal.misc): sends the portal a signal such as TERM.</li>
 * </ul>
 * Direct calls, method references ({@code System::exit}) and method-handle constants are found. Calls made by
 * reflection through names built at run time, and native code, cannot be found by reading bytecode; the host's
 * start marker and persisted suspensions limit what such a plugin can do to one crash.
 */
final class ProcessCallScanner {
    /** Owner (internal name) to the method names refused on it. */
    private static final Map<String, Set<String>> REFUSED = Map.of(
            "java/lang/System", Set.of("exit"),
            "java/lang/Runtime", Set.of("exit", "halt", "exec"),
            "java/lang/ProcessBuilder", Set.of("start", "startPipeline"),
            "java/lang/ProcessHandle", Set.of("destroy", "destroyForcibly"),
            "sun/misc/Signal", Set.of("raise"),
            "jdk/internal/misc/Signal", Set.of("raise"));
    /** Enough to say what to fix without flooding the admin page. */
    private static final int MAX_FINDINGS = 20;
    /** Jars inside jars inside jars: deeper nesting is not a plugin layout and is refused. */
    private static final int MAX_DEPTH = 3;

    private final Set<String> findings = new LinkedHashSet<>();
    private final List<String> problems = new ArrayList<>();

    /**
     * Scans one archive: every class file in it and in the jars and zips it holds, read through the archive's
     * central directory as class loaders read jars; the entries a streaming reader (PF4J's unzip) sees must be the
     * same, so a crafted archive cannot show the scan other classes than the ones that get loaded.
     *
     * @return one line per refused call site ("where calls what") and per unreadable entry, at most 20
     */
    static List<String> scan(Path archive) throws IOException {
        ProcessCallScanner scanner = new ProcessCallScanner();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            scanner.requireSameEntriesWhenStreamed(zip, archive);
            scanner.scanArchive(zip, "", 1);
        }
        List<String> result = new ArrayList<>(scanner.problems);
        scanner.findings.stream().map(f -> f + ": a plugin must not end or replace the portal process")
                .forEach(result::add);
        return result.size() > MAX_FINDINGS ? List.copyOf(result.subList(0, MAX_FINDINGS)) : result;
    }

    private void requireSameEntriesWhenStreamed(ZipFile zip, Path archive) throws IOException {
        Set<String> central = new HashSet<>();
        zip.stream().forEach(e -> central.add(e.getName()));
        Set<String> streamed = new HashSet<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                streamed.add(e.getName());
            }
        } catch (IOException e) {
            streamed.clear();
        }
        if (!central.equals(streamed)) {
            problems.add("the archive's directory and its entries disagree (a damaged or crafted archive); "
                    + "rebuild it with the jar tool or Maven");
        }
    }

    private void scanArchive(ZipFile zip, String path, int depth) throws IOException {
        for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
            String name = entry.getName();
            String lower = name.toLowerCase(Locale.ROOT);
            if (entry.isDirectory()) {
                continue;
            }
            if (lower.endsWith(".class")) {
                try (InputStream in = zip.getInputStream(entry)) {
                    scanClass(in.readAllBytes(), path, name);
                }
            } else if (lower.endsWith(".jar") || lower.endsWith(".zip")) {
                scanNested(zip, entry, path + name, depth);
            }
        }
    }

    private void scanNested(ZipFile outer, ZipEntry entry, String where, int depth) throws IOException {
        if (depth >= MAX_DEPTH) {
            problems.add(where + " is nested " + depth + " archives deep; its classes cannot be checked");
            return;
        }
        Path copy = Files.createTempFile("burnrate-plugin-scan-", ".jar");
        try {
            try (InputStream in = outer.getInputStream(entry)) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            try (ZipFile nested = new ZipFile(copy.toFile())) {
                scanArchive(nested, where + "!/", depth + 1);
            } catch (ZipException e) {
                // Not an archive after all (e.g. a resource named .zip): nothing in it can be loaded as a class.
            }
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /** @param path the nested archive the class is in ("lib/x.jar!/"), empty for the archive itself */
    private void scanClass(byte[] bytes, String path, String entry) {
        try {
            String in = path.isEmpty() ? "" : "in " + path.substring(0, path.length() - 2) + ": ";
            new ClassReader(bytes).accept(new ClassScan(in), ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (RuntimeException e) {
            // A class the JVM could load but ASM cannot read would escape the check, so it is refused.
            problems.add(path + entry + " cannot be read as a class file (" + e + ")");
        }
    }

    private final class ClassScan extends ClassVisitor {
        private final String location;
        private String className;

        ClassScan(String location) {
            super(Opcodes.ASM9);
            this.location = location;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                          String[] interfaces) {
            className = name.replace('/', '.');
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            String where = location + className + "." + readable(name, descriptor);
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean isInterface) {
                    check(where, owner, method, desc);
                }

                @Override
                public void visitInvokeDynamicInsn(String method, String desc, Handle bootstrap, Object... args) {
                    for (Object arg : args) {
                        checkConstant(where, arg);
                    }
                }

                @Override
                public void visitLdcInsn(Object value) {
                    checkConstant(where, value);
                }
            };
        }
    }

    private void checkConstant(String where, Object constant) {
        if (constant instanceof Handle handle) {
            check(where, handle.getOwner(), handle.getName(), handle.getDesc());
        }
    }

    private void check(String where, String owner, String method, String descriptor) {
        Set<String> refused = REFUSED.get(owner);
        if (refused != null && refused.contains(method)) {
            findings.add(where + " calls " + owner.replace('/', '.') + "." + readable(method, descriptor));
        }
    }

    /** {@code exit(int)}, {@code offerings()}: the method as a Java developer would write it. */
    private static String readable(String name, String descriptor) {
        StringBuilder text = new StringBuilder(name).append('(');
        Type[] arguments = Type.getArgumentTypes(descriptor);
        for (int i = 0; i < arguments.length; i++) {
            String type = arguments[i].getClassName();
            text.append(i == 0 ? "" : ", ").append(type.substring(type.lastIndexOf('.') + 1));
        }
        return text.append(')').toString();
    }
}
