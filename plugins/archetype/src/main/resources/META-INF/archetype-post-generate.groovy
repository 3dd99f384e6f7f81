// One archetype, three kinds of plugin: keep the classes of the chosen kind, remove the others.
def kinds = [provider: ['CloudProvider', 'Resources'], hardware: ['HardwareCatalog'], backend: ['ComputeBackend']]
def kind = request.properties.get('pluginKind')
if (!kinds.containsKey(kind)) {
    throw new IllegalArgumentException("pluginKind must be provider, hardware or backend, not '" + kind + "'")
}
def prefix = request.properties.get('classPrefix')
def project = new File(request.outputDirectory, request.artifactId)
def packagePath = request.properties.get('package').replace('.', '/')
kinds.findAll { it.key != kind }.each { other, names ->
    names.each { name ->
        new File(project, "src/main/java/${packagePath}/${prefix}${name}.java").delete()
        new File(project, "src/test/java/${packagePath}/${prefix}${name}Test.java").delete()
    }
}
