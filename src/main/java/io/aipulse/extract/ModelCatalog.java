package io.aipulse.extract;

import java.util.List;

/**
 * Well-known AI models and assistants with the organisation that makes them and the sector they
 * serve. Used to recognise a model name without the word 模型 ("阿里发布通义千问2.0"), to name the
 * maker when only the model is the grammatical subject ("文心一言与 X 深化合作"), and to give a
 * domain model its domain ("通义万相" generates images).
 */
final class ModelCatalog {

    /** name, maker (a registry name or alias), sector. */
    record Model(String name, String maker, String sector) {
    }

    static final List<Model> MODELS = List.of(
            m("文心一言", "百度", "foundation-models"),
            m("文心大模型", "百度", "foundation-models"),
            m("文心一格", "百度", "media-entertainment"),
            m("ERNIE Bot", "百度", "foundation-models"),
            m("通义千问", "阿里巴巴", "foundation-models"),
            m("通义万相", "阿里巴巴", "media-entertainment"),
            m("通义听悟", "阿里巴巴", "enterprise-software"),
            m("通义灵码", "阿里巴巴", "enterprise-software"),
            m("Qwen", "阿里巴巴", "foundation-models"),
            m("混元大模型", "腾讯", "foundation-models"),
            m("腾讯混元", "腾讯", "foundation-models"),
            m("盘古大模型", "华为", "foundation-models"),
            m("盘古3.0", "华为", "foundation-models"),
            m("盘古气象", "华为", "science"),
            m("讯飞星火", "科大讯飞", "foundation-models"),
            m("星火认知大模型", "科大讯飞", "foundation-models"),
            m("豆包", "字节跳动", "foundation-models"),
            m("云雀大模型", "字节跳动", "foundation-models"),
            m("即梦", "字节跳动", "media-entertainment"),
            m("ChatGLM", "智谱AI", "foundation-models"),
            m("智谱清言", "智谱AI", "foundation-models"),
            m("CogVideo", "智谱AI", "media-entertainment"),
            m("Kimi", "月之暗面", "foundation-models"),
            m("Baichuan", "百川智能", "foundation-models"),
            m("书生·浦语", "上海人工智能实验室", "foundation-models"),
            m("InternLM", "上海人工智能实验室", "foundation-models"),
            m("风乌", "上海人工智能实验室", "science"),
            m("悟道", "北京智源人工智能研究院", "foundation-models"),
            m("子曰", "网易有道", "education"),
            m("MathGPT", "学而思", "education"),
            m("九章大模型", "学而思", "education"),
            m("言犀", "京东", "ecommerce-marketing"),
            m("日日新", "商汤科技", "foundation-models"),
            m("SenseNova", "商汤科技", "foundation-models"),
            m("天工大模型", "昆仑万维", "foundation-models"),
            m("360智脑", "360", "foundation-models"),
            m("序列猴子", "出门问问", "foundation-models"),
            m("从容大模型", "云从科技", "foundation-models"),
            m("曹植大模型", "达观数据", "enterprise-software"),
            m("孟子大模型", "澜舟科技", "foundation-models"),
            m("式说", "第四范式", "enterprise-software"),
            m("BlueLM", "vivo", "foundation-models"),
            m("蓝心大模型", "vivo", "foundation-models"),
            m("DeepSeek", "深度求索", "foundation-models"),
            m("abab", "MiniMax", "foundation-models"),
            m("海螺AI", "MiniMax", "foundation-models"),
            m("可灵", "快手", "media-entertainment"),
            m("百灵大模型", "蚂蚁集团", "foundation-models"),
            m("ChatGPT", "OpenAI", "foundation-models"),
            m("GPT-4o", "OpenAI", "foundation-models"),
            m("GPT-4", "OpenAI", "foundation-models"),
            m("GPT-3.5", "OpenAI", "foundation-models"),
            m("GPT-5", "OpenAI", "foundation-models"),
            m("Sora", "OpenAI", "media-entertainment"),
            m("DALL-E", "OpenAI", "media-entertainment"),
            m("Claude", "Anthropic", "foundation-models"),
            m("Gemini", "谷歌", "foundation-models"),
            m("Bard", "谷歌", "foundation-models"),
            m("PaLM", "谷歌", "foundation-models"),
            m("Med-PaLM", "谷歌", "healthcare-biotech"),
            m("AlphaFold", "DeepMind", "healthcare-biotech"),
            m("Llama", "Meta", "foundation-models"),
            m("Midjourney", "Midjourney", "media-entertainment"),
            m("Stable Diffusion", "Stability AI", "media-entertainment"),
            m("Copilot", "微软", "enterprise-software"),
            m("Grok", "xAI", "foundation-models"),
            m("Mistral", "Mistral AI", "foundation-models"));

    private ModelCatalog() {
    }

    private static Model m(String name, String maker, String sector) {
        return new Model(name, maker, sector);
    }
}
